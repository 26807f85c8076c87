package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Runs the collector until a cleaner's report has arrived (bounded; tests also carry @Timeout). */
final class Gc {
    private Gc() {
    }

    static void until(BooleanSupplier arrived) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (arrived.getAsBoolean()) {
                return;
            }
            System.gc();
            Thread.sleep(10);
        }
        fail("no report after 1000 collections");
    }
}
