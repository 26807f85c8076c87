package io.aio4j.internal.process;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the threads that move bytes between blocking pipe streams and the loop.
 *
 * <p>They are virtual threads on the JDK's default scheduler. A virtual thread inherits the
 * scheduler of the virtual thread that creates it, and in native mode a task <em>is</em> a
 * virtual thread scheduled by its loop: a pump started from a task would run only when the loop
 * lets it, and its blocking {@code read} would pin the loop's one carrier. So a pump is created
 * directly only from a platform thread (the loop's own thread, a test's thread); from any
 * virtual thread the creation is handed to one platform launcher thread. A pump's start is
 * therefore asynchronous, which costs nothing: everything it produces reaches the loop through
 * {@code callSoonThreadsafe} anyway.
 */
final class PumpThreads {
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("aio4j-pipe-launcher").unstarted(r));

    private PumpThreads() {
    }

    /** Starts {@code body} on a new virtual thread that the JDK schedules. */
    static void start(String name, Runnable body) {
        if (Thread.currentThread().isVirtual()) {
            LAUNCHER.execute(() -> Thread.ofVirtual().name(name).start(body));
        } else {
            Thread.ofVirtual().name(name).start(body);
        }
    }
}
