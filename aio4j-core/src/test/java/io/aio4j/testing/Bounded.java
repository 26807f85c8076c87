package io.aio4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a piece of a test on its own daemon platform thread and fails the test if it has not
 * finished in time, showing where it hung. For code whose bug is a hang: JUnit's timeout can
 * only interrupt the test thread, and a thread stuck for good must not keep the JVM alive.
 */
public final class Bounded {
    private Bounded() {
    }

    /** The value of {@code body}, or its exception rethrown; fails after {@code limit}. */
    public static <T> T call(Duration limit, Callable<T> body) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = Thread.ofPlatform().daemon().name("bounded-test-body").start(() -> {
            try {
                value.set(body.call());
            } catch (Throwable e) {
                error.set(e);
            }
        });
        t.join(limit.toMillis());
        if (t.isAlive()) {
            fail("hung for " + limit + " at:\n  " + String.join("\n  ",
                    Arrays.stream(t.getStackTrace()).map(String::valueOf).toList()));
        }
        Throwable e = error.get();
        if (e instanceof Exception ex) {
            throw ex;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return value.get();
    }

    /** {@link #call} of a body without a value. */
    public static void run(Duration limit, ThrowingRunnable body) throws Exception {
        call(limit, () -> {
            body.run();
            return null;
        });
    }

    /** A body that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        /** Runs the body. */
        void run() throws Exception;
    }
}
