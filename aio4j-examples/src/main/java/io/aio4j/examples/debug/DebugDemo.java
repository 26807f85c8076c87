package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import java.util.List;

/**
 * PyMOTW's {@code asyncio_debug.py} on aio4j: an outer task awaits an inner task that hogs the
 * loop for 0.1 s. Without {@code -v} all looks fine; with {@code -v} debug mode reports both
 * slow task steps (threshold 0.001 s, with where the loop was stuck) and the event loop the
 * program forgot to close.
 *
 * <p>{@code --blocking-sleep} hogs with {@code Thread.sleep(100)} instead of CPU work, as the
 * Python program does with {@code time.sleep(0.1)}. In native mode that does not hog the loop
 * at all (the task's virtual thread unmounts), so there is no warning for it; in compatibility
 * mode ({@code -Daio4j.mode=compat}) it blocks the loop as in asyncio, and debug mode says so.
 *
 * <pre>
 *   ./run demo debug demo [-v] [--blocking-sleep]
 * </pre>
 */
public final class DebugDemo {
    private static final System.Logger LOG = System.getLogger("demo");

    private DebugDemo() {
    }

    static void inner(boolean blockingSleep) throws InterruptedException {
        LOG.log(System.Logger.Level.INFO, "inner starting");
        // Simulates work done inside the task, without giving the loop back.
        if (blockingSleep) {
            Thread.sleep(100);
        } else {
            spinFor(0.1);
        }
        LOG.log(System.Logger.Level.INFO, "inner completed");
    }

    static void outer(boolean blockingSleep) {
        LOG.log(System.Logger.Level.INFO, "outer starting");
        Aio.await(Aio.createTask(() -> inner(blockingSleep)));
        LOG.log(System.Logger.Level.INFO, "outer completed");
    }

    /** Runs the program and returns its loop, deliberately left unclosed, as in the original. */
    static EventLoop run(boolean verbose, boolean blockingSleep) {
        EventLoop eventLoop = Aio.newEventLoop();
        if (verbose) {
            LOG.log(System.Logger.Level.INFO, "enabling debugging");
            eventLoop.setDebug(true);
            // Make the threshold for "slow" tasks very very small for illustration. The default is 0.1 s.
            eventLoop.setSlowCallbackDuration(0.001);
        }
        LOG.log(System.Logger.Level.INFO, "entering event loop");
        eventLoop.runUntilComplete(Aio.async(() -> outer(blockingSleep)));
        return eventLoop;
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        List<String> a = List.of(args);
        run(a.contains("-v"), a.contains("--blocking-sleep"));
        // Python reports the unclosed loop when the interpreter exits; the JVM, when the loop is collected.
        Collect.garbage();
    }

    private static void spinFor(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
