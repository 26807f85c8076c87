package io.aio4j.internal.loop;

import io.aio4j.EventLoop;

/** Hands work to a loop from any thread, tolerating a loop that was closed meanwhile. */
public final class Handoff {
    private Handoff() {
    }

    /**
     * {@code loop.callSoonThreadsafe(callback)}, unless the loop is closed: then nothing is queued
     * (nobody could observe the callback's effect any more) and this returns {@code false}.
     */
    public static boolean callSoonThreadsafe(EventLoop loop, Runnable callback) {
        try {
            loop.callSoonThreadsafe(callback);
            return true;
        } catch (IllegalStateException loopClosed) {
            return false;
        }
    }
}
