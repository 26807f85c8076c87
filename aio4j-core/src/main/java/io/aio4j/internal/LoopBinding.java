package io.aio4j.internal;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import java.util.concurrent.atomic.AtomicReference;

/** asyncio's {@code _LoopBoundMixin} as a field: the first running loop that asks is the only one allowed. */
public final class LoopBinding {
    private final AtomicReference<EventLoop> loop = new AtomicReference<>();

    /** An unbound binding. */
    public LoopBinding() {
    }

    /**
     * The running loop, bound on first use.
     *
     * @throws IllegalStateException {@code "<owner> is bound to a different event loop"}, or when no loop runs
     */
    public EventLoop loop(Object owner) {
        EventLoop running = Aio.getRunningLoop();
        loop.compareAndSet(null, running);
        if (loop.get() != running) {
            throw new IllegalStateException(owner + " is bound to a different event loop");
        }
        return running;
    }
}
