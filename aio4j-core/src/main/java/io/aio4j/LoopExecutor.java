package io.aio4j;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** {@link EventLoop#asExecutor()}: an {@link Executor} that queues each command on its loop from any thread. */
final class LoopExecutor implements Executor {
    private final EventLoop loop;

    LoopExecutor(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        if (loop.isClosed()) {
            throw new RejectedExecutionException("Event loop is closed: " + loop);
        }
        try {
            loop.callSoonThreadsafe(command);
        } catch (IllegalStateException e) {
            // The loop closed between the check and the call.
            if (loop.isClosed()) {
                throw new RejectedExecutionException("Event loop is closed: " + loop, e);
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "<Executor of " + loop + ">";
    }
}
