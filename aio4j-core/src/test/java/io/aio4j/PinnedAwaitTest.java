package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.Bounded;
import io.aio4j.testing.Modes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Aio.await} in a class initializer: the task's virtual thread is pinned to its carrier
 * there, so in native mode parking would block the loop thread itself. It fails fast with a
 * clear error instead of deadlocking; in compatibility mode (an ordinary virtual thread) it works.
 */
@Timeout(60)
class PinnedAwaitTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** Awaits in its initializer. One class per test: a class is initialised once per JVM. */
    static final class SleepsInInit {
        static final String STATE;

        static {
            Aio.sleep(0.01);
            STATE = "initialised";
        }
    }

    /** Awaits a task of the same loop in its initializer. */
    static final class AwaitsTaskInInit {
        static final int VALUE;

        static {
            // The task's body must not be code of this class: it would wait for this initialiser (a JVM deadlock).
            VALUE = Aio.await(Aio.createTask(Answer.BODY));
        }
    }

    /** A task body defined outside the class being initialised. */
    static final class Answer {
        static final AsyncCallable<Integer> BODY = () -> 42;
    }

    @Test
    void awaitInAClassInitializerFailsFastInNativeModeAndWorksInCompatibilityMode() throws Exception {
        Object outcome = Bounded.call(LIMIT, () -> Aio.run(() -> {
            try {
                return SleepsInInit.STATE;
            } catch (Throwable e) {
                return e;
            }
        }));
        if (Modes.nativeMode()) {
            ExceptionInInitializerError e = assertInstanceOf(ExceptionInInitializerError.class, outcome);
            IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(cause.getMessage().contains("pinned"), cause.getMessage());
        } else {
            assertEquals("initialised", outcome);
        }
    }

    @Test
    void theLoopKeepsRunningAfterAPinnedAwaitWasRefused() throws Exception {
        Object outcome = Bounded.call(LIMIT, () -> Aio.run(() -> {
            Object init;
            try {
                init = AwaitsTaskInInit.VALUE;
            } catch (Throwable e) {
                init = e.getClass().getSimpleName();
            }
            Aio.sleep(0.01);
            return init + " then " + Aio.await(Aio.createTask(() -> "more work"));
        }));
        assertEquals((Modes.nativeMode() ? "ExceptionInInitializerError" : "42") + " then more work", outcome);
    }
}
