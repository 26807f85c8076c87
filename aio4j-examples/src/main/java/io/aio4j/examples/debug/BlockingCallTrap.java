package io.aio4j.examples.debug;

import io.aio4j.Aio;

/**
 * Trap: a blocking call in a task. CPU-bound work (or, in compatibility mode, any JDK blocking
 * call) holds the loop, and debug mode reports the slow step with where it was stuck; the fix
 * runs it on another thread with {@code Aio.toThread}.
 */
public final class BlockingCallTrap {
    private BlockingCallTrap() {
    }

    static long checksum(int rounds) {
        long h = 1125899906842597L;
        for (int i = 0; i < rounds; i++) {
            h = 31 * h + (h >>> 7) + i;
        }
        return h;
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        Aio.run(() -> {
            long bug = checksum(300_000_000);                         // the bug: holds the loop
            long fixed = Aio.toThread(() -> checksum(300_000_000));   // the fix: the loop stays free
            System.out.println("same result either way: " + (bug == fixed));
        }, Aio.options().debug(true).slowCallbackDuration(0.05));
    }
}
