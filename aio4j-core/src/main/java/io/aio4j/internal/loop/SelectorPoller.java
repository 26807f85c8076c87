package io.aio4j.internal.loop;

import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.spi.Poller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The real {@link Poller}: waits on the loop's {@link Selector} (epoll on Linux), and hands each
 * selected key to the loop, which queues the handler attached to it. A wait that may block
 * follows the {@link ThreadsafeQueue}'s wakeup protocol; in debug mode a timed wait is logged
 * (asyncio's "poll … took …": INFO from 1 s, DEBUG from {@code slowCallbackDuration}, else TRACE).
 */
final class SelectorPoller implements Poller {
    private static final System.Logger LOG = AioLogger.LOG;

    private final SelectorEventLoop loop;
    private final Selector selector;
    private final ThreadsafeQueue remote;
    private final Consumer<SelectionKey> onSelected;

    SelectorPoller(SelectorEventLoop loop, Selector selector, ThreadsafeQueue remote, Consumer<SelectionKey> onSelected) {
        this.loop = loop;
        this.selector = selector;
        this.remote = remote;
        this.onSelected = onSelected;
    }

    @Override
    public int poll(double timeoutSeconds) {
        try {
            if (timeoutSeconds <= 0) {
                return selector.selectNow(onSelected);
            }
            boolean mayBlock = remote.beginBlockingPoll();
            try {
                if (!mayBlock) {
                    return selector.selectNow(onSelected);
                }
                if (timeoutSeconds == Double.POSITIVE_INFINITY) {
                    return selector.select(onSelected, 0);
                }
                long ms = Math.max(1, (long) Math.ceil(timeoutSeconds * 1e3));
                boolean timed = loop.isDebug();
                long t0 = timed ? System.nanoTime() : 0;
                int events = selector.select(onSelected, ms);
                if (timed) {
                    logPoll(timeoutSeconds, (System.nanoTime() - t0) / 1e9, events);
                }
                return events;
            } finally {
                remote.endBlockingPoll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed in " + loop.eventLoop(), e);
        }
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    private void logPoll(double timeout, double dt, int events) {
        System.Logger.Level level = dt >= 1.0 ? System.Logger.Level.INFO
                : dt >= loop.slowCallbackDuration() ? System.Logger.Level.DEBUG : System.Logger.Level.TRACE;
        if (LOG.isLoggable(level)) {
            LOG.log(level, String.format(Locale.ROOT, "poll %.3f ms took %.3f ms: %d events", timeout * 1e3, dt * 1e3, events));
        }
    }
}
