package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.testing.Bounded;
import io.aio4j.testing.Modes;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The interrupt rule (README, "Cancellation and interrupts"): a cancellation is delivered once.
 * At an await it is a {@link CancelledException}; inside a JDK blocking call (native mode) it is
 * the thread's interrupt, and the JDK's answer to it counts as that CancelledException. An
 * interrupt from outside aio4j is a cancellation request at the task's suspension points, in
 * both modes.
 */
@Timeout(60)
class InterruptsTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static void assumeNative(String why) {
        assumeTrue(Modes.nativeMode(), "native mode only: " + why);
    }

    @Test
    void timeoutOfABodyInThreadSleepRaisesTimeoutException() throws Exception {
        assumeNative("in compatibility mode Thread.sleep holds the loop, so nothing can cancel it");
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            try {
                Aio.timeout(0.1, () -> {
                    Thread.sleep(5000);
                    return 1;
                });
                return "returned";
            } catch (Exception e) {
                return e;
            }
        }));
        assertInstanceOf(TimeoutException.class, raised);
        assertInstanceOf(CancelledException.class, ((Throwable) raised).getCause());
    }

    @Test
    void waitForOfACoroutineInThreadSleepRaisesTimeoutException() throws Exception {
        assumeNative("in compatibility mode Thread.sleep holds the loop, so nothing can cancel it");
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            Coroutine<Integer> slow = Aio.async(() -> {
                Thread.sleep(5000);
                return 1;
            });
            try {
                return Aio.waitFor(slow, 0.1);
            } catch (Exception e) {
                return e;
            }
        }));
        assertInstanceOf(TimeoutException.class, raised);
    }

    @Test
    void waitForOfATaskInThreadSleepRaisesTimeoutExceptionAndTheTaskEndsCancelled() throws Exception {
        assumeNative("in compatibility mode Thread.sleep holds the loop, so nothing can cancel it");
        AtomicReference<Task<Integer>> inner = new AtomicReference<>();
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            inner.set(Aio.createTask(() -> {
                Thread.sleep(5000);
                return 1;
            }));
            try {
                return Aio.waitFor(inner.get(), 0.1);
            } catch (Exception e) {
                return e;
            }
        }));
        assertInstanceOf(TimeoutException.class, raised);
        assertTrue(inner.get().isCancelled());
    }

    @Test
    void aTaskGroupWhoseBodySleepsInTheJdkReportsOnlyTheChildsError() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("child");
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            try {
                return Aio.taskGroup(g -> {
                    g.createTask(() -> {
                        Aio.sleep(0.05);
                        throw boom;
                    });
                    if (Modes.nativeMode()) {
                        Thread.sleep(5000);
                    } else {
                        Aio.sleep(5);
                    }
                    return "body done";
                });
            } catch (ExceptionGroup e) {
                return e;
            }
        }));
        ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, raised);
        assertEquals(List.of(boom), group.exceptions());
    }

    @Test
    void oneCancelIsDeliveredOnceAsAnInterrupt() throws Exception {
        assumeNative("a task in a JDK blocking call exists only in native mode");
        List<String> seen = new ArrayList<>();
        Task<?>[] task = new Task<?>[1];
        Object result = Bounded.call(LIMIT, () -> Aio.run(() -> {
            task[0] = Aio.createTask(() -> {
                try {
                    Thread.sleep(5000);
                    seen.add("slept");
                } catch (InterruptedException e) {
                    seen.add("interrupted");
                }
                Aio.sleep(0.01);
                seen.add("awaited");
                return "caught and carried on";
            });
            Aio.sleep(0.05);
            task[0].cancel("stop");
            return Aio.await(task[0]);
        }));
        assertEquals("caught and carried on", result);
        assertEquals(List.of("interrupted", "awaited"), seen);
        assertFalse(task[0].isCancelled());
        assertEquals(1, task[0].cancelling());
    }

    @Test
    void aBodyThatRestoresTheInterruptIsNotCancelledAgainLater() throws Exception {
        assumeNative("a task in a JDK blocking call exists only in native mode");
        List<String> seen = new ArrayList<>();
        Bounded.run(LIMIT, () -> Aio.run(() -> {
            Integer r = Aio.timeout(0.1, () -> {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();   // the JDK's advice
                    seen.add("restored");
                }
                return 7;
            });
            seen.add("timeout returned " + r);
            Aio.sleep(0.01);
            Aio.sleep(0.01);
            seen.add("later awaits ran");
            assertFalse(Thread.currentThread().isInterrupted(), "the delivered interrupt is gone");
            return null;
        }));
        assertEquals(List.of("restored", "timeout returned 7", "later awaits ran"), seen);
    }

    @Test
    void cancellingATaskBlockedInASocketReadCancelsIt() throws Exception {
        assumeNative("a task in a JDK blocking call exists only in native mode");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Object> reports = new ArrayList<>();
            AtomicReference<Task<Integer>> reader = new AtomicReference<>();
            Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
                Aio.getRunningLoop().setExceptionHandler((l, ctx) -> reports.add(ctx.message()));
                reader.set(Aio.createTask(() -> {
                    try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                        InputStream in = s.getInputStream();
                        return in.read();
                    }
                }));
                Aio.sleep(0.1);
                reader.get().cancel("enough");
                try {
                    return Aio.await(reader.get());
                } catch (CancelledException e) {
                    return e;
                }
            }));
            CancelledException c = assertInstanceOf(CancelledException.class, raised);
            assertEquals("enough", c.getMessage());
            assertTrue(reader.get().isCancelled());
            assertEquals(List.of(), reports);
        }
    }

    @Test
    void aSocketReadCancelledAtAioRunShutdownIsNotReportedAsUnhandled() throws Exception {
        assumeNative("a task in a JDK blocking call exists only in native mode");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Object> reports = new ArrayList<>();
            Bounded.run(LIMIT, () -> Aio.run(() -> {
                Aio.getRunningLoop().setExceptionHandler((l, ctx) -> reports.add(ctx.message() + ": " + ctx.exception()));
                Aio.createTask(() -> {
                    try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                        return s.getInputStream().read();
                    }
                });
                Aio.sleep(0.1);
                return null;
            }));
            assertEquals(List.of(), reports);
        }
    }

    @Test
    void anInterruptFromOutsideCancelsAnAwaitingTaskInBothModes() throws Exception {
        AtomicReference<Thread> taskThread = new AtomicReference<>();
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                taskThread.set(Thread.currentThread());
                Aio.sleep(3600);
                return "slept";
            });
            Aio.sleep(0.05);
            Thread interrupter = Thread.ofPlatform().start(() -> taskThread.get().interrupt());
            try {
                return Aio.await(t);
            } catch (CancelledException e) {
                interrupter.join();
                assertTrue(t.isCancelled());
                return e;
            }
        }));
        CancelledException c = assertInstanceOf(CancelledException.class, raised);
        assertEquals("interrupted", c.getMessage());
    }

    @Test
    void anInterruptFlagSetBeforeAnAwaitIsACancellationRequestInBothModes() throws Exception {
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                Thread.currentThread().interrupt();
                Aio.sleep(3600);
                return "slept";
            });
            try {
                return Aio.await(t);
            } catch (CancelledException e) {
                return e;
            }
        }));
        assertInstanceOf(CancelledException.class, raised);
    }

    @Test
    void cancelledTwiceBeforeItResumesTheFirstMessageWins() throws Exception {
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> {
                Aio.sleep(3600);
                return "slept";
            });
            Aio.sleep(0);
            t.cancel("a");
            t.cancel("b");
            try {
                return Aio.await(t);
            } catch (CancelledException e) {
                assertEquals(2, t.cancelling());
                return e;
            }
        }));
        assertEquals("a", ((CancelledException) raised).getMessage());
    }

    @Test
    void cancelledTwiceBeforeItStartsTheLastMessageWinsAsInAsyncio() throws Exception {
        Object raised = Bounded.call(LIMIT, () -> Aio.run(() -> {
            Task<String> t = Aio.createTask(() -> "ran");
            t.cancel("a");
            t.cancel("b");
            try {
                return Aio.await(t);
            } catch (CancelledException e) {
                return e;
            }
        }));
        assertEquals("b", ((CancelledException) raised).getMessage());
    }

    @Test
    void aTaskThatCatchesTheInterruptAndReturnsCompletesWithItsValue() throws Exception {
        assumeNative("a task in a JDK blocking call exists only in native mode");
        AtomicReference<Task<String>> t = new AtomicReference<>();
        Bounded.run(LIMIT, () -> Aio.run(() -> {
            t.set(Aio.createTask(() -> {
                try {
                    Thread.sleep(5000);
                    return "slept";
                } catch (InterruptedException e) {
                    return "interrupted";
                }
            }));
            Aio.sleep(0.05);
            t.get().cancel();
            return Aio.await(t.get());
        }));
        assertEquals("interrupted", t.get().result());
        assertNull(t.get().exception());
    }
}
