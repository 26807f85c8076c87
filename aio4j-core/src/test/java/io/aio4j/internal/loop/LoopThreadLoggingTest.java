package io.aio4j.internal.loop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's own thread never blocks on a log handler's lock that one of its tasks holds. In
 * native mode a task's virtual thread can be unmounted inside a handler's {@code synchronized}
 * block (JDK 24+), and only the loop's thread can run it again: the loop logging through the same
 * handler (debug mode's slow-step report, the default exception handler) used to wait for it for
 * good. A CI run of DebugDemoTest hung exactly so, in {@code StreamHandler.publish}.
 */
class LoopThreadLoggingTest {
    private static final String HOLD = "a task holds the handler";
    private final Logger aio4j = Logger.getLogger("aio4j");
    private final Level previousLevel = aio4j.getLevel();
    private final boolean previousParents = aio4j.getUseParentHandlers();
    private final Gate gate = new Gate();

    /** A handler whose lock a task takes and keeps while it waits, as one writing to a busy stream does. */
    private static final class Gate extends Handler {
        final CountDownLatch inside = new CountDownLatch(1);
        /** A permit lets the holder go. */
        final Semaphore release = new Semaphore(0);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void publish(LogRecord r) {
            if (HOLD.equals(r.getMessage())) {
                inside.countDown();
                release.acquireUninterruptibly();
            }
            written.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    LoopThreadLoggingTest() {
        aio4j.setLevel(Level.ALL);
        aio4j.setUseParentHandlers(false);
        aio4j.addHandler(gate);
    }

    @AfterEach
    void restore() {
        gate.release.release();
        aio4j.removeHandler(gate);
        aio4j.setUseParentHandlers(previousParents);
        aio4j.setLevel(previousLevel);
    }

    @Test
    void theSlowStepReportDoesNotWaitForATaskHoldingTheHandler() throws Exception {
        runWhileATaskHoldsTheHandler(true);
        awaitWritten("Executing <Task ");
    }

    @Test
    void theDefaultExceptionHandlerDoesNotWaitForATaskHoldingTheHandler() throws Exception {
        runWhileATaskHoldsTheHandler(false);
        awaitWritten("Exception in callback ");
    }

    /**
     * A task logs and is held inside the handler; meanwhile the loop's thread logs too: every step
     * is slow (debug mode, threshold 0), or a callback fails. The loop must go on (its main task
     * takes three more turns) before the handler is let go, and then finish.
     */
    private void runWhileATaskHoldsTheHandler(boolean debugReports) throws Exception {
        EventLoop loop = Aio.newEventLoop();
        boolean nativeMode = LoopCore.of(loop).isNativeMode();
        // Before JDK 24 a virtual thread waiting inside synchronized pins the loop's thread whatever aio4j does.
        assumeTrue(!nativeMode || Runtime.version().feature() >= 24, "a virtual thread unmounts inside synchronized from JDK 24");
        if (debugReports) {
            loop.setDebug(true);
            loop.setSlowCallbackDuration(0);
        }
        AtomicBoolean wentOn = new AtomicBoolean();
        Thread runner = Thread.ofPlatform().daemon().name("loop-under-test").start(() -> loop.runUntilComplete(Aio.async(() -> {
            Task<Void> holder = Aio.createTask(() -> {
                System.getLogger("aio4j").log(System.Logger.Level.WARNING, HOLD);
                return null;
            });
            while (gate.inside.getCount() > 0) {
                Aio.sleep(0.001);
            }
            if (!debugReports) {
                loop.callSoon(() -> {
                    throw new IllegalStateException("a failing callback");
                });
            }
            for (int i = 0; i < 3; i++) {
                Aio.sleep(0);
            }
            wentOn.set(true);
            Aio.await(holder);
            return null;
        })));

        assertTrue(gate.inside.await(10, TimeUnit.SECONDS), "the holder never reached the handler");
        // Native mode: the loop goes on, or its thread is stuck (blocked on the handler). Compatibility
        // mode: the holder keeps its turn while it waits (a JDK blocking call in a task blocks the loop there).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(nativeMode ? 10 : 1);
        while (!wentOn.get() && runner.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean wentOnWhileHeld = wentOn.get();
        gate.release.release();
        runner.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(runner.isAlive(), () -> "the loop's thread is stuck:\n" + Arrays.stream(runner.getStackTrace())
                .map(f -> "  at " + f).collect(Collectors.joining("\n")));
        if (nativeMode) {
            assertTrue(wentOnWhileHeld, "the loop did not go on while a task held the log handler");
        }
        loop.close();
    }

    /** Every record is written in the end: the loop's record (deferred while the task held the handler) too. */
    private void awaitWritten(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(gate.written.contains(HOLD) && gate.written.stream().anyMatch(m -> m.startsWith(prefix)))) {
            assertTrue(System.nanoTime() < deadline, () -> "not written: " + HOLD + " and '" + prefix + "…': " + gate.written);
            Thread.sleep(5);
        }
    }
}
