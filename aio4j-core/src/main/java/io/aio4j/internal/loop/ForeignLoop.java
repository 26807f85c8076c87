package io.aio4j.internal.loop;

import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Handle;
import java.util.function.Consumer;

/**
 * An {@link EventLoop} implemented outside aio4j, seen as a {@link LoopCore}: a {@link Future}
 * works on it through its public methods (no debug checks, creation sites or "never retrieved"
 * reports), and so do pipes and subprocesses; tasks, sockets and signals need aio4j's loop and
 * throw {@link IllegalArgumentException}.
 */
final class ForeignLoop implements LoopCore {
    private final EventLoop loop;

    ForeignLoop(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public boolean isDebug() {
        return false;
    }

    @Override
    public boolean inLoopThread() {
        return false;
    }

    @Override
    public void checkThread() {
    }

    @Override
    public void checkNotClosed() {
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public CreationSite creationSite(boolean always) {
        return null;
    }

    @Override
    public Handle callSoon(Consumer<Object> callback, Object arg) {
        return loop.callSoon(() -> callback.accept(arg));
    }

    @Override
    public Runnable exceptionSet(Future<?> future, Throwable error) {
        return null;
    }

    @Override
    public boolean isNativeMode() {
        return false;
    }

    @Override
    public Tasks tasks() {
        throw notOurs();
    }

    @Override
    public LoopIo io() {
        return new LoopIo(null, loop);
    }

    private IllegalArgumentException notOurs() {
        return notOurs(loop);
    }

    /** The error for {@code loop}, a loop implemented elsewhere, asked for what needs aio4j's own. */
    static IllegalArgumentException notOurs(EventLoop loop) {
        return new IllegalArgumentException("not an aio4j event loop (make one with Aio.newEventLoop()): " + loop);
    }
}
