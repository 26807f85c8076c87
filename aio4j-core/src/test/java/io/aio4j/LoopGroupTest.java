package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.internal.loop.LoopCore;
import io.aio4j.testing.Bounded;
import io.aio4j.testing.Modes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link LoopGroup}: its loops and threads, handing work out, cross-loop awaiting, and shutdown. */
@Timeout(60)
class LoopGroupTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void eachLoopRunsOnItsOwnNamedPlatformThreadInTheJvmsMode() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(3)) {
                assertEquals(3, group.size());
                List<String> names = new ArrayList<>();
                for (EventLoop loop : group.loops()) {
                    CompletableFuture<String> name = new CompletableFuture<>();
                    loop.callSoonThreadsafe(() -> name.complete(
                            Thread.currentThread().isVirtual() ? "virtual!" : Thread.currentThread().getName()));
                    names.add(name.get(10, TimeUnit.SECONDS));
                    assertEquals(Modes.nativeMode(), LoopCore.require(loop).isNativeMode());
                    assertTrue(loop.isRunning());
                }
                String prefix = names.get(0).substring(0, names.get(0).lastIndexOf('-') + 1);
                assertTrue(prefix.matches("aio4j-loop-\\d+-"), names.toString());
                assertEquals(List.of(prefix + 0, prefix + 1, prefix + 2), names);
            }
        });
    }

    @Test
    void groupsAreNumberedApartInTheirThreadNames() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup a = Aio.newLoopGroup(1); LoopGroup b = Aio.newLoopGroup(1)) {
                String na = a.submit(0, () -> threadOf(a.loops().get(0))).get();
                String nb = b.submit(0, () -> threadOf(b.loops().get(0))).get();
                assertFalse(na.equals(nb), na + " vs " + nb);
            }
        });
    }

    private static String threadOf(EventLoop loop) throws Exception {
        return SelectorThreads.name(loop);
    }

    @Test
    void nextHandsTheLoopsOutRoundRobin() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(3)) {
                List<EventLoop> loops = group.loops();
                int start = loops.indexOf(group.next());
                for (int i = 1; i <= 7; i++) {
                    assertSame(loops.get((start + i) % 3), group.next());
                }
            }
        });
    }

    @Test
    void submitRunsTheBodyOnTheChosenLoopAndCompletesTheFuture() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                for (int i = 0; i < 2; i++) {
                    EventLoop expected = group.loops().get(i);
                    assertSame(expected, group.submit(i, () -> {
                        Aio.sleep(0.01);
                        return Aio.getRunningLoop();
                    }).get());
                }
                IllegalStateException boom = new IllegalStateException("boom");
                ExecutionException e = assertThrows(ExecutionException.class, () -> group.submit(() -> {
                    throw boom;
                }).get());
                assertSame(boom, e.getCause());
                CompletableFuture<Void> none = group.submit(() -> Aio.sleep(0));
                assertEquals(null, none.get());
            }
        });
    }

    @Test
    void runOnEachRunsTheSameBodyOncePerLoop() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(4)) {
                List<CompletableFuture<EventLoop>> fs = group.runOnEach(Aio::getRunningLoop);
                List<EventLoop> ran = new ArrayList<>();
                for (CompletableFuture<EventLoop> f : fs) {
                    ran.add(f.get());
                }
                assertEquals(group.loops(), ran);
            }
        });
    }

    @Test
    void runOnEachCoreRunsMainOnEveryProcessorAndReturnsTheResultsInLoopOrder() throws Exception {
        List<String> results = Bounded.call(LIMIT, () -> Aio.runOnEachCore(() -> {
            Aio.sleep(0.01);
            return Aio.getRunningLoop().toString();
        }));
        assertEquals(Runtime.getRuntime().availableProcessors(), results.size());
        assertEquals(results.size(), new HashSet<>(results).size());
    }

    @Test
    void runOnEachCoreCancelsTheOthersWhenOneMainFailsAndRethrowsItsException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicBoolean othersCancelled = new AtomicBoolean(true);
        AtomicReference<EventLoop> failing = new AtomicReference<>();
        Throwable thrown = Bounded.call(LIMIT, () -> assertThrows(IllegalStateException.class, () -> Aio.runOnEachCore(() -> {
            if (failing.compareAndSet(null, Aio.getRunningLoop())) {
                Aio.sleep(0.05);
                throw boom;
            }
            try {
                Aio.sleep(3600);
                othersCancelled.set(false);
            } catch (CancelledException expected) {
                throw expected;
            }
        })));
        assertSame(boom, thrown);
        assertTrue(othersCancelled.get());
    }

    @Test
    void badInputIsRefusedWithClearMessages() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Aio.newLoopGroup(0));
        assertEquals("n < 1: 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Aio.newLoopGroup(-3));
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> group.submit(2, () -> 1));
                assertEquals("loopIndex out of range [0, 2): 2", range.getMessage());
                assertThrows(IllegalArgumentException.class,
                        () -> group.shutdownGracefully(Duration.ofSeconds(-1), Duration.ofSeconds(1)));
                assertFalse(group.isShutdown());
                assertEquals(7, group.submit(1, () -> 7).get());
            }
        });
    }

    @Test
    void submittingToAClosedGroupThrows() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(2);
            group.close();
            assertTrue(group.isShutdown());
            assertTrue(group.terminationFuture().isDone());
            for (EventLoop loop : group.loops()) {
                assertTrue(loop.isClosed());
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> group.submit(() -> 1));
            assertTrue(e.getMessage().startsWith("LoopGroup is shut down: cannot submit"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> group.runOnEach(() -> 1));
            group.close(); // again: nothing to do
        });
    }

    @Test
    void closingFromOneOfItsOwnLoopsFinishesAsynchronouslyWithoutDeadlock() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(2);
            CompletableFuture<String> closer = group.submit(1, () -> {
                group.close();
                return "returned";
            });
            assertEquals("returned", closer.get(10, TimeUnit.SECONDS));
            group.terminationFuture().get(10, TimeUnit.SECONDS);
            assertTrue(group.loops().stream().allMatch(EventLoop::isClosed));
        });
    }

    @Test
    void closingFromACallbackOfItsOwnLoopFinishesAsynchronously() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(2);
            group.loops().get(0).callSoonThreadsafe(group::close);
            group.terminationFuture().get(10, TimeUnit.SECONDS);
            assertTrue(group.loops().stream().allMatch(EventLoop::isClosed));
        });
    }

    @Test
    void shutdownLetsRunningTasksFinishBeforeTheTimeout() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(2);
            List<CompletableFuture<Integer>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                fs.add(group.submit(() -> {
                    Aio.sleep(0.2);
                    return n;
                }));
            }
            group.shutdownGracefully(Duration.ZERO, Duration.ofSeconds(10));
            for (int i = 0; i < 4; i++) {
                assertEquals(i, fs.get(i).getNow(-1));
            }
        });
    }

    @Test
    void aTaskSpawnedDuringTheQuietPeriodIsAlsoWaitedFor() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(1);
            AtomicBoolean lateFinished = new AtomicBoolean();
            EventLoop loop = group.loops().get(0);
            group.submit(0, () -> {
                // A callback (not a task) starts a task after the first one ended: the quiet period covers it.
                loop.callLater(0.05, () -> loop.createTask(() -> {
                    Aio.sleep(0.1);
                    lateFinished.set(true);
                }));
            }).get();
            group.shutdownGracefully(Duration.ofMillis(500), Duration.ofSeconds(10));
            assertTrue(lateFinished.get());
        });
    }

    @Test
    void tasksStillPendingAtTheTimeoutAreCancelledAndReportedToTheirLoop() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(2);
            List<ExceptionContext> reports = new CopyOnWriteArrayList<>();
            for (EventLoop loop : group.loops()) {
                loop.callSoonThreadsafe(() -> loop.setExceptionHandler((l, c) -> reports.add(c)));
            }
            AtomicBoolean finallyRan = new AtomicBoolean();
            CompletableFuture<Void> stuck = group.submit(1, () -> {
                try {
                    Aio.sleep(3600);
                } finally {
                    finallyRan.set(true);
                }
            });
            CompletableFuture<Integer> quick = group.submit(0, () -> 5);
            assertEquals(5, quick.get());
            group.shutdownGracefully(Duration.ZERO, Duration.ofMillis(200));
            assertThrows(CancellationException.class, stuck::get);
            assertTrue(finallyRan.get());
            assertEquals(1, reports.size(), reports.toString());
            ExceptionContext c = reports.get(0);
            assertEquals("Task was cancelled at LoopGroup shutdown: still pending after the timeout", c.message());
            assertTrue(c.exception() instanceof CancelledException);
            assertTrue(c.task() != null && c.task().isDone() && c.task().loop() == group.loops().get(1));
        });
    }

    @Test
    void aTaskThatIgnoresCancellationIsEndedByTheLoopsClose() throws Exception {
        Bounded.run(LIMIT, () -> {
            LoopGroup group = Aio.newLoopGroup(1);
            List<String> reports = new CopyOnWriteArrayList<>();
            EventLoop loop = group.loops().get(0);
            loop.callSoonThreadsafe(() -> loop.setExceptionHandler((l, c) -> reports.add(c.message())));
            CompletableFuture<Void> stubborn = group.submit(0, () -> {
                while (true) {
                    try {
                        Aio.sleep(3600);
                    } catch (CancelledException ignored) {
                        // keeps going: only the loop's close ends it
                    }
                }
            });
            group.shutdownGracefully(Duration.ZERO, Duration.ofMillis(100));
            assertTrue(loop.isClosed());
            assertTrue(reports.contains("Task was cancelled at LoopGroup shutdown: still pending after the timeout"), reports.toString());
            assertTrue(reports.contains("Task was destroyed but it is pending!"), reports.toString());
            // Its submitter is not left waiting forever: the future ends when the loop has closed.
            CancellationException e = assertThrows(CancellationException.class, () -> stubborn.get(1, TimeUnit.SECONDS));
            assertEquals("the event loop was closed while the task was pending: its thread was ended with this exception",
                    e.getCause().getMessage());
        });
    }

    @Test
    void stoppingAGroupLoopByHandDoesNotEndIt() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(1)) {
                EventLoop loop = group.loops().get(0);
                loop.stop();
                assertEquals(3, group.submit(0, () -> {
                    Aio.sleep(0.05);
                    return 3;
                }).get(10, TimeUnit.SECONDS));
                assertFalse(loop.isClosed());
            }
        });
    }

    // ------------------------------------------------------------------ awaiting another loop's future

    @Test
    void awaitingAnotherLoopsFutureDirectlyKeepsAsyncioError() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                Future<Integer> other = group.submit(0, () -> group.loops().get(0).<Integer>createFuture()).get();
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> AwaitOn.result(group.submit(1, () -> Aio.await(other))));
                assertTrue(e.getMessage().endsWith("attached to a different loop"), e.getMessage());
            }
        });
    }

    @Test
    void awaitingAnotherLoopsFutureThroughToCompletableFutureHandsTheResultOver() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                EventLoop a = group.loops().get(0);
                Future<String> fa = group.submit(0, () -> a.<String>createFuture()).get();
                Set<EventLoop> awaitedOn = new HashSet<>();
                CompletableFuture<String> awaiting = group.submit(1, () -> {
                    String v = Aio.await(fa.toCompletableFuture());
                    awaitedOn.add(Aio.getRunningLoop());
                    return v;
                });
                a.callLater(0.05, () -> fa.setResult("from loop 0"));
                assertEquals("from loop 0", awaiting.get(10, TimeUnit.SECONDS));
                assertEquals(Set.of(group.loops().get(1)), awaitedOn);

                Future<String> failing = group.submit(0, () -> a.<String>createFuture()).get();
                IllegalArgumentException boom = new IllegalArgumentException("boom");
                CompletableFuture<Throwable> seen = group.submit(1, () -> {
                    try {
                        Aio.await(failing.toCompletableFuture());
                        return null;
                    } catch (IllegalArgumentException e) {
                        return e;
                    }
                });
                a.callLater(0.05, () -> failing.setException(boom));
                assertSame(boom, seen.get(10, TimeUnit.SECONDS));
            }
        });
    }

    @Test
    void awaitingAnotherLoopsTaskThroughSubmitWorksFromATask() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                int v = group.submit(0, () -> Aio.await(group.submit(1, () -> {
                    Aio.sleep(0.02);
                    return 40;
                })) + 2).get(10, TimeUnit.SECONDS);
                assertEquals(42, v);
            }
        });
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheOtherLoopsFuture() throws Exception {
        Bounded.run(LIMIT, () -> {
            try (LoopGroup group = Aio.newLoopGroup(2)) {
                EventLoop a = group.loops().get(0);
                Future<String> fa = group.submit(0, () -> a.<String>createFuture()).get();
                CompletableFuture<Task<?>> waiter = new CompletableFuture<>();
                CompletableFuture<String> awaiting = group.submit(1, () -> {
                    waiter.complete(Aio.currentTask());
                    return Aio.await(fa.toCompletableFuture());
                });
                Task<?> task = waiter.get(10, TimeUnit.SECONDS);
                group.loops().get(1).callSoonThreadsafe(() -> task.cancel());
                assertThrows(CancellationException.class, () -> awaiting.get(10, TimeUnit.SECONDS));
                // The cancellation travels to loop 0 through the thread-safe queue: wait for it there.
                assertTrue(group.submit(0, () -> {
                    while (!fa.isCancelled()) {
                        Aio.sleep(0.01);
                    }
                    return true;
                }).get(10, TimeUnit.SECONDS));
            }
        });
    }

    /** A loop's thread name, read on that loop. */
    private static final class SelectorThreads {
        static String name(EventLoop loop) throws Exception {
            CompletableFuture<String> name = new CompletableFuture<>();
            loop.callSoon(() -> name.complete(Thread.currentThread().getName()));
            return Aio.await(name);
        }
    }

    /** The outcome of a submitted body, its exception unwrapped. */
    private static final class AwaitOn {
        static <T> T result(CompletableFuture<T> f) throws Exception {
            try {
                return f.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception x) {
                    throw x;
                }
                throw e;
            }
        }
    }
}
