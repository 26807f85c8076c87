package io.aio4j.txaio.conformance;

import io.aio4j.txaio.Backend;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.internal.RealTxApi;
import io.aio4j.txaio.netty.internal.NettyDriver;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The Netty backend on an {@code EmbeddedEventLoop} whose time is a {@code MockTicker}.
 */
final class NettyHarness implements Harness {
    private final MockTicker ticker = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final CountingDriver driver =
            new CountingDriver(new NettyDriver(channel.eventLoop(), (message, error) -> errors.add(error)));
    private final TxApi api = new RealTxApi(driver);

    @Override
    public Backend backend() {
        return Backend.NETTY;
    }

    @Override
    public TxApi api() {
        return api;
    }

    @Override
    public void runPending() {
        for (int i = 0; i < 1_000_000; i++) {
            channel.runPendingTasks();
            if (!channel.hasPendingTasks()) return;
        }
        throw new AssertionError("the loop never became idle");
    }

    @Override
    public void advance(double seconds) {
        long target = ticker.nanoTime() + (long) Math.ceil(seconds * 1e9);
        runPending();
        while (true) {
            long next = channel.runScheduledPendingTasks();
            runPending();
            if (next < 0 || ticker.nanoTime() + next > target) break;
            ticker.advance(next, TimeUnit.NANOSECONDS);
        }
        ticker.advance(target - ticker.nanoTime(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        runPending();
    }

    @Override
    public double now() {
        return ticker.nanoTime() / 1e9;
    }

    @Override
    public List<Throwable> errors() {
        return errors;
    }

    @Override
    public int liveTimers() {
        return driver.liveTimers();
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }

    @Override
    public String toString() {
        return "netty";
    }
}
