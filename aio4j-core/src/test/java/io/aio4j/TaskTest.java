package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.testing.ManualClockLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TaskTest {
    private final ManualClockLoop loop = new ManualClockLoop();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private static boolean nativeMode() {
        SelectorEventLoop probe = new SelectorEventLoop();
        try {
            return probe.isNativeMode();
        } finally {
            probe.close();
        }
    }

    @Test
    void aTaskIsItsThreadsCurrentTaskAndItsThreadTakesItsNameWhenAskedFor() {
        Aio.run(() -> {
            Task<?> me = Aio.currentTask();
            assertTrue(me != null, "the body sees its task");
            assertEquals(me.name(), Thread.currentThread().getName());
            Task<String> named = Aio.createTask(() -> Thread.currentThread().getName(), "worker");
            assertEquals("worker", Aio.await(named));
            // A virtual thread the body starts inherits nothing: it is no task's thread.
            CompletableFuture<Boolean> childSeesATask = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> childSeesATask.complete(Aio.currentTask() != null));
            while (!childSeesATask.isDone()) {
                Aio.sleep(0.001);
            }
            assertFalse(childSeesATask.join());
            assertSame(me, Aio.currentTask());
            return null;
        });
        assertNull(Aio.currentTask());
    }

    @Test
    void tasksAreNamedTaskNFromAGlobalCounterUnlessNamed() {
        Task<Integer> a = loop.createTask(() -> 1);
        Task<Integer> b = loop.createTask(() -> 2);
        Task<Integer> c = loop.createTask(() -> 3, "custom");
        int na = Integer.parseInt(a.name().substring("Task-".length()));
        assertEquals("Task-" + (na + 1), b.name());
        assertEquals("custom", c.name());
        c.setName("renamed");
        assertEquals("renamed", c.name());
        loop.runUntilComplete(c);
    }

    @Test
    void aTaskRunsItsBodyOnALaterIterationAndCompletesWithItsValue() {
        Task<String> t = loop.createTask(() -> {
            calls.add("body");
            return "value";
        });
        assertEquals(List.of(), calls, "a task starts on the loop, not in createTask");
        assertEquals("value", loop.runUntilComplete(t));
        assertTrue(t.isDone());
        assertTrue(t.toString().startsWith("<Task finished name='" + t.name() + "' coro=<TaskTest.<lambda>() done> result='value'"),
                t.toString());
    }

    @Test
    void aTasksCheckedExceptionIsRethrownAsTheSameInstance() {
        IOException error = new IOException("disk");
        Task<String> t = loop.createTask(() -> {
            throw error;
        });
        assertSame(error, assertThrows(Exception.class, () -> loop.runUntilComplete(t)));
        assertSame(error, t.exception());
    }

    @Test
    void cancelWhileAwaitingCancelsTheAwaitedFutureAndSurfacesTheMessage() {
        Future<String> inner = loop.createFuture();
        Task<String> t = loop.createTask(() -> {
            try {
                return Aio.await(inner);
            } catch (CancelledException e) {
                calls.add("caught: " + e.getMessage());
                throw e;
            }
        });
        loop.callLater(0.1, () -> assertTrue(t.cancel("shutting down")));
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("shutting down", e.getMessage());
        assertTrue(inner.isCancelled());
        assertTrue(t.isCancelled());
        assertEquals(List.of("caught: shutting down"), calls);
        assertFalse(t.cancel(), "cancel of a done task returns false");
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsBody() {
        Task<String> t = loop.createTask(() -> {
            calls.add("body");
            return "x";
        });
        t.cancel("early");
        assertEquals("early", assertThrows(CancelledException.class, () -> loop.runUntilComplete(t)).getMessage());
        assertEquals(List.of(), calls);
    }

    @Test
    void aTaskThatCatchesItsCancellationAndReturnsCompletesWithItsValue() {
        Task<String> t = loop.createTask(() -> {
            try {
                Aio.sleep(10);
                return "slept";
            } catch (CancelledException e) {
                return "recovered";
            }
        });
        loop.callLater(0.1, t::cancel);
        assertEquals("recovered", loop.runUntilComplete(t));
        assertFalse(t.isCancelled());
    }

    @Test
    void cancelAfterTheAwaitedFutureCompletedIsDeliveredAtResumption() {
        Future<String> inner = loop.createFuture();
        Task<String> t = loop.createTask(() -> Aio.await(inner));
        loop.callLater(0.1, () -> {
            inner.setResult("too late");
            assertTrue(t.cancel("after"), "the waiter is done, so the cancel is remembered");
        });
        assertEquals("after", assertThrows(CancelledException.class, () -> loop.runUntilComplete(t)).getMessage());
    }

    @Test
    void cancellingCountsEveryRequestAndUncancelTakesThemBack() {
        Future<String> inner = loop.createFuture();
        Task<String> t = loop.createTask(() -> {
            try {
                return Aio.await(inner);
            } catch (CancelledException e) {
                calls.add("cancelling=" + Aio.currentTask().cancelling());
                return "swallowed";
            }
        });
        loop.callLater(0.1, () -> {
            assertTrue(t.cancel());
            assertTrue(t.cancel());
            assertEquals(2, t.cancelling());
        });
        assertEquals("swallowed", loop.runUntilComplete(t));
        assertEquals(List.of("cancelling=2"), calls);
        assertEquals(1, t.uncancel());
        assertEquals(0, t.uncancel());
        assertEquals(0, t.uncancel(), "never below zero");
        assertFalse(t.isCancelled(), "uncancel does not change the outcome");
    }

    @Test
    void uncancelToZeroDropsACancellationNotYetDelivered() {
        Task<String> t = loop.createTask(() -> {
            Task<?> me = Aio.currentTask();
            me.cancel();
            assertEquals(1, me.cancelling());
            assertEquals(0, me.uncancel());
            Aio.sleep(0);
            return "not cancelled";
        });
        assertEquals("not cancelled", loop.runUntilComplete(t));
    }

    @Test
    void aTaskCannotAwaitItself() {
        Task<?>[] self = new Task<?>[1];
        self[0] = loop.createTask(() -> Aio.await(self[0]));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(self[0]));
        assertTrue(e.getMessage().startsWith("Task cannot await on itself: <Task "), e.getMessage());
    }

    @Test
    void awaitingAFutureOfAnotherLoopIsRefused() {
        SelectorEventLoop other = new SelectorEventLoop();
        try {
            Future<String> foreign = other.createFuture();
            Task<String> t = loop.createTask(() -> Aio.await(foreign));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
            assertTrue(e.getMessage().endsWith("attached to a different loop"), e.getMessage());
        } finally {
            other.close();
        }
    }

    @Test
    void currentTaskFollowsTheInterleavingOfTasks() {
        Task<?>[] tasks = new Task<?>[2];
        for (int i = 0; i < 2; i++) {
            int n = i;
            tasks[i] = loop.createTask(() -> {
                for (int step = 0; step < 3; step++) {
                    assertSame(tasks[n], Aio.currentTask());
                    calls.add("t" + n + "." + step);
                    Aio.sleep(0);
                }
            });
        }
        loop.callSoon(() -> calls.add("callback sees " + Aio.currentTask()));
        loop.runUntilComplete(tasks[1]);
        assertEquals(List.of("t0.0", "t1.0", "callback sees null", "t0.1", "t1.1", "t0.2", "t1.2"), calls);
        assertNull(Aio.currentTask());
    }

    @Test
    void sleepZeroYieldsExactlyOneIteration() {
        Task<Void> t = loop.createTask(() -> {
            calls.add("before");
            Aio.getRunningLoop().callSoon(() -> calls.add("callback"));
            Aio.sleep(0);
            calls.add("after");
        });
        loop.runUntilComplete(t);
        assertEquals(List.of("before", "callback", "after"), calls);
    }

    @Test
    void sleepRejectsNaNAndTreatsNegativeAsZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.runUntilComplete(loop.createTask(() -> {
                    Aio.sleep(Double.NaN);
                })));
        assertEquals("Invalid delay: NaN (not a number)", e.getMessage());
        loop.runUntilComplete(loop.createTask(() -> {
            Aio.sleep(-1);
        }));
    }

    @Test
    void sleepWaitsForLoopTimeAndCancellationCancelsItsTimer() {
        double start = loop.time();
        loop.runUntilComplete(loop.createTask(() -> {
            Aio.sleep(30);
        }));
        assertTrue(loop.time() - start >= 30 - 1e-6, "slept " + (loop.time() - start)); // due when when < time() + resolution
        Task<Void> sleeper = loop.createTask(() -> {
            Aio.sleep(3600);
        });
        loop.callLater(1, sleeper::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(sleeper));
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(0, loop.scheduledTimerCount(), "the hour-long timer was cancelled and purged");
    }

    @Test
    void awaitOutsideATaskExplainsWhatToDo() {
        Future<String> f = loop.createFuture();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Aio.await(f));
        assertTrue(e.getMessage().contains("must be called inside a task"), e.getMessage());
        loop.callSoon(() -> {
            calls.add(assertThrows(IllegalStateException.class, () -> Aio.await(f)).getMessage());
            loop.stop();
        });
        loop.runForever();
        assertTrue(calls.get(0).contains("called from a callback"), calls.get(0));
    }

    @Test
    void stackShowsWhereThePendingTaskIsSuspended() {
        Future<String> gate = loop.createFuture();
        Task<String> t = loop.createTask(() -> waitAtGate(gate));
        loop.callLater(0.1, () -> {
            StackTraceElement[] stack = t.stack();
            calls.add(stack.length > 0 ? stack[0].getMethodName() : "empty");
            calls.add(t.toString());
            gate.setResult("open");
        });
        assertEquals("open", loop.runUntilComplete(t));
        assertEquals("waitAtGate", calls.get(0));
        assertTrue(calls.get(1).contains("wait_for=<Future pending cb=[" + t.name() + ".wakeup()]>"), calls.get(1));
        assertTrue(calls.get(1).contains("running at TaskTest.java:"), calls.get(1));
        assertEquals(0, t.stack().length);
    }

    private static String waitAtGate(Future<String> gate) {
        return Aio.await(gate);
    }

    @Test
    void setResultOnATaskIsRefused() {
        Task<String> t = loop.createTask(() -> "x");
        assertThrows(IllegalStateException.class, () -> t.setResult("y"));
        loop.runUntilComplete(t);
    }

    @Test
    void allTasksListsThePendingTasksOfTheRunningLoop() {
        Future<String> gate = loop.createFuture();
        Task<String> waiting = loop.createTask(() -> Aio.await(gate), "waiting");
        Task<Integer> counter = loop.createTask(() -> {
            int n = Aio.allTasks().size();
            gate.setResult("go");
            return n;
        });
        assertEquals(2, loop.runUntilComplete(counter));
        loop.runUntilComplete(waiting);
        assertEquals(0, loop.allTasks().size());
    }

    @Test
    void coroutinesRunInlineOnceAndCanBecomeTasks() {
        Coroutine<String> coro = Aio.async(() -> {
            calls.add("in " + Aio.currentTask().name());
            return "c";
        });
        Task<String> t = loop.createTask(() -> Aio.await(coro), "outer");
        assertEquals("c", loop.runUntilComplete(t));
        assertEquals(List.of("in outer"), calls, "awaiting a coroutine runs it in the awaiting task");
        assertTrue(coro.isConsumed());
        Task<String> again = loop.createTask(() -> Aio.await(coro));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(again));
        assertTrue(e.getMessage().startsWith("cannot reuse already awaited coroutine"), e.getMessage());
        Coroutine<String> lazy = Aio.async(() -> "as task");
        assertEquals("as task", loop.runUntilComplete(lazy), "runUntilComplete wraps a coroutine in a task");
    }

    @Test
    void aioRunReturnsMainsResultAndRefusesToNest() {
        assertEquals("main", Aio.run(() -> "main"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Aio.run(() -> Aio.run(() -> "inner")));
        assertEquals("Aio.run() cannot be called from a running event loop", e.getMessage());
    }

    @Test
    void aioRunCancelsTheTasksLeftAndReportsTheirExceptions() {
        List<ExceptionContext> reports = new ArrayList<>();
        Task<?>[] left = new Task<?>[2];
        Aio.run(() -> {
            Aio.getRunningLoop().setExceptionHandler((l, ctx) -> reports.add(ctx));
            left[0] = Aio.createTask(() -> {
                Aio.sleep(3600);
            });
            left[1] = Aio.createTask(() -> {
                try {
                    Aio.sleep(3600);
                } catch (CancelledException e) {
                    throw new IllegalStateException("cleanup failed");
                }
            });
            Aio.sleep(0);
        });
        assertTrue(left[0].isCancelled());
        assertEquals(1, reports.size());
        assertEquals("unhandled exception during Aio.run() shutdown", reports.get(0).message());
        assertEquals("cleanup failed", reports.get(0).exception().getMessage());
        assertSame(left[1], reports.get(0).task());
    }

    @Test
    void runCoroutineThreadsafeSubmitsFromAnotherThread() throws Exception {
        SelectorEventLoop real = new SelectorEventLoop();
        Thread loopThread = Thread.ofPlatform().start(real::runForever);
        try {
            CompletableFuture<String> cf = Aio.runCoroutineThreadsafe(() -> {
                Aio.sleep(0.001);
                return "from " + Aio.currentTask().name().substring(0, 5);
            }, real);
            assertEquals("from Task-", cf.get(10, TimeUnit.SECONDS));
            CompletableFuture<String> never = Aio.runCoroutineThreadsafe(() -> {
                Aio.sleep(3600);
                return "no";
            }, real);
            Thread.sleep(10);
            never.cancel(false);
            assertTrue(never.isCancelled());
        } finally {
            real.callSoonThreadsafe(real::stop);
            loopThread.join(10_000);
            real.close();
        }
    }

    @Test
    void toThreadRunsOffTheLoopAndReturnsTheValue() {
        String r = Aio.run(() -> Aio.toThread(() -> Thread.currentThread().isVirtual() ? "virtual" : "platform"));
        assertEquals("platform", r);
    }

    // ---- native mode: JDK blocking calls unmount the task instead of blocking the loop

    @Test
    void inNativeModeThreadSleepLetsTheOtherTasksRun() {
        assumeTrue(nativeMode(), "native mode only: in compatibility mode a blocking call blocks the loop, as in asyncio");
        Aio.run(() -> {
            Task<Void> sleeper = Aio.createTask(() -> {
                Thread.sleep(50);
                calls.add("sleeper");
            });
            Task<Void> other = Aio.createTask(() -> {
                calls.add("other");
            });
            Aio.await(sleeper);
            Aio.await(other);
        });
        assertEquals(List.of("other", "sleeper"), calls);
    }

    @Test
    void inCompatibilityModeThreadSleepBlocksTheLoop() {
        assumeTrue(!nativeMode(), "compatibility mode only");
        Aio.run(() -> {
            Task<Void> sleeper = Aio.createTask(() -> {
                Thread.sleep(20);
                calls.add("sleeper");
            });
            Task<Void> other = Aio.createTask(() -> {
                calls.add("other");
            });
            Aio.await(sleeper);
            Aio.await(other);
        });
        assertEquals(List.of("sleeper", "other"), calls);
    }

    @Test
    void inNativeModeBlockingQueueTakeLetsTheProducerTaskRun() {
        assumeTrue(nativeMode(), "native mode only");
        String got = Aio.run(() -> {
            BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
            Task<String> consumer = Aio.createTask(q::take);
            Aio.createTask(() -> {
                q.put("item");
            });
            return Aio.await(consumer);
        });
        assertEquals("item", got);
    }

    @Test
    void cancellingATaskBlockedInAJdkCallInterruptsIt() {
        assumeTrue(nativeMode(), "native mode only: in compatibility mode a blocked task holds the loop");
        Task<?>[] blocked = new Task<?>[1];
        Aio.run(() -> {
            blocked[0] = Aio.createTask(() -> {
                Thread.sleep(60_000);
            });
            Aio.sleep(0.01);
            blocked[0].cancel("stop sleeping");
            try {
                Aio.await(blocked[0]);
            } catch (CancelledException expected) {
                calls.add("cancelled: " + expected.getMessage());
            }
        });
        assertTrue(blocked[0].isCancelled());
        assertEquals(List.of("cancelled: stop sleeping"), calls);
    }

    @Test
    void aVirtualThreadStartedInATaskIsNotTheLoops() {
        // Documented behaviour: such a thread is not a task; it runs on the JDK's scheduler, beside the loop.
        Aio.run(() -> {
            SelectorEventLoop l = (SelectorEventLoop) Aio.getRunningLoop();
            Thread child = Thread.ofVirtual().start(() -> calls.add("child on loop: " + l.inLoopThread()));
            Aio.toThread(() -> {
                child.join();
            });
        });
        assertEquals(List.of("child on loop: false"), calls);
    }
}
