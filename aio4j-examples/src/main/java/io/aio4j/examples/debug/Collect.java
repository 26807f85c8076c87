package io.aio4j.examples.debug;

/**
 * Runs the garbage collector a few times: the reports debug mode makes when an object is
 * collected in a bad state (an unclosed loop, an exception never retrieved, a coroutine never
 * awaited) come from a {@link java.lang.ref.Cleaner}, that is, after a collection. Python's
 * reference counting makes them at once; on the JVM they come when the collector runs.
 */
final class Collect {
    private Collect() {
    }

    static void garbage() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
