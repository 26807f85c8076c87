package io.aio4j.testing;

import io.aio4j.internal.task.VirtualThreads;

/** Which mode the tests run in: native (loop-scheduled virtual threads) or compatibility. */
public final class Modes {
    private Modes() {
    }

    /** Whether a new loop runs its tasks in native mode in this JVM. */
    public static boolean nativeMode() {
        return VirtualThreads.nativeAvailable() && !"compat".equalsIgnoreCase(System.getProperty("aio4j.mode"));
    }
}
