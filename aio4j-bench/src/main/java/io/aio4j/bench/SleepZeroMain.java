package io.aio4j.bench;

import io.aio4j.Aio;

/**
 * {@code java … io.aio4j.bench.SleepZeroMain N}: one task awaiting {@code Aio.sleep(0)} N times
 * and nothing else, for {@code strace -c} (LoopVsUvloop counts the system calls per operation).
 */
public final class SleepZeroMain {
    private SleepZeroMain() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Aio.run(() -> {
            for (int i = 0; i < n; i++) {
                Aio.sleep(0);
            }
            return null;
        });
    }
}
