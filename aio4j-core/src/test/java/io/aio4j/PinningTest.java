package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a JDK blocking call does to the loop in native mode, by JDK version. Until JDK 24
 * (JEP 491), a virtual thread that blocks inside {@code synchronized} is pinned to its carrier:
 * the task does not unmount, so the loop thread, its carrier, is stuck and serves nothing
 * until the call returns. From JDK 24 on it unmounts like any blocking call. A class
 * initializer that blocks still pins on every JDK, which lets this test check its own probe here
 * (a JDK 25 machine) for both outcomes.
 *
 * <p>The probe: a task enters the blocking call and stays there until released; meanwhile another
 * thread queues a callback with {@code callSoonThreadsafe} and waits up to 2 s for it to run.
 * Pinned, it cannot run (the loop's thread is the stuck carrier); unpinned, it runs at once.
 */
@Timeout(60)
class PinningTest {
    private static final int FEATURE = Runtime.version().feature();

    @Test
    void synchronizedPinsTheTaskAndStopsTheLoopBeforeJdk24() throws Exception {
        skipUnless(FEATURE < 24, "JDK " + FEATURE + " unmounts a virtual thread blocked in synchronized (JEP 491, JDK 24+); "
                + "this test asserts the pinning of JDK 21-23");
        Monitor m = new Monitor();
        assertFalse(loopServesWhileTheTaskBlocks(m.entered, m.release, m::blockInsideSynchronized),
                "on JDK " + FEATURE + " a task blocked inside synchronized should pin the loop's thread");
    }

    @Test
    void synchronizedNoLongerStopsTheLoopFromJdk24() throws Exception {
        skipUnless(FEATURE >= 24, "JDK " + FEATURE + " pins a virtual thread blocked in synchronized; see the test above");
        Monitor m = new Monitor();
        assertTrue(loopServesWhileTheTaskBlocks(m.entered, m.release, m::blockInsideSynchronized),
                "on JDK " + FEATURE + " a task blocked inside synchronized should unmount and leave the loop free");
    }

    @Test
    void aBlockingClassInitializerPinsOnEveryJdk() throws Exception {
        assertFalse(loopServesWhileTheTaskBlocks(InitLatches.ENTERED, InitLatches.RELEASE, SlowInit::touch),
                "a task blocked in a class initializer should pin the loop's thread");
    }

    @Test
    void aBlockingCallOutsideSynchronizedNeverStopsTheLoop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        assertTrue(loopServesWhileTheTaskBlocks(entered, release, () -> {
            entered.countDown();
            release.await();
        }));
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            // Printed as well, so a build log says why the JDK-specific half did not run.
            System.out.println("PinningTest skipped: " + reason);
        }
        assumeTrue(condition, reason);
    }

    /** Whether the loop ran a callback queued while a task sat in {@code body}'s blocking call. */
    private static boolean loopServesWhileTheTaskBlocks(CountDownLatch entered, CountDownLatch release, Body body)
            throws Exception {
        SelectorEventLoop loop = new SelectorEventLoop();
        try {
            assumeTrue(loop.isNativeMode(), "only native mode unmounts tasks in JDK blocking calls");
            AtomicBoolean served = new AtomicBoolean();
            Thread prober = Thread.ofPlatform().name("pinning-prober").start(() -> {
                try {
                    if (entered.await(20, TimeUnit.SECONDS)) {
                        CountDownLatch ran = new CountDownLatch(1);
                        loop.callSoonThreadsafe(ran::countDown);
                        served.set(ran.await(2, TimeUnit.SECONDS));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    release.countDown();
                }
            });
            loop.runUntilComplete(loop.createTask(() -> body.run()));
            prober.join(30_000);
            assertTrue(entered.getCount() == 0, "the task never reached its blocking call");
            return served.get();
        } finally {
            loop.close();
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** A monitor a task blocks inside. */
    private static final class Monitor {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void blockInsideSynchronized() throws InterruptedException {
            synchronized (this) {
                entered.countDown();
                release.await();
            }
        }
    }

    /** The latches of {@link SlowInit}, in a class of their own: reading them must not initialise it. */
    private static final class InitLatches {
        static final CountDownLatch ENTERED = new CountDownLatch(1);
        static final CountDownLatch RELEASE = new CountDownLatch(1);
    }

    /** A class whose initializer blocks until released; the task above is the one that initialises it. */
    private static final class SlowInit {
        static {
            InitLatches.ENTERED.countDown();
            try {
                InitLatches.RELEASE.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private SlowInit() {
        }

        static void touch() {
            // Calling it is what initialises the class.
        }
    }
}
