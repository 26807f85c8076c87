package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.testing.Bounded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads that are not the loop's: virtual threads a task starts, and platform threads that
 * call into a running loop. Every test here was a hang or a corrupted loop before.
 */
@Timeout(60)
class ForeignThreadsTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void aVirtualThreadExecutorUsedFromATaskOutlivesTheLoop() throws Exception {
        // The reproduction, as a user writes it: close() waits for the submitted work.
        AtomicReference<java.util.concurrent.Future<Integer>> submitted = new AtomicReference<>();
        Bounded.run(LIMIT, () -> {
            ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
            Aio.run(() -> {
                submitted.set(ex.submit(() -> {
                    Thread.sleep(100);
                    return 1;
                }));
                return null;
            });
            ex.close();
        });
        assertEquals(1, submitted.get().get(1, TimeUnit.SECONDS));
    }

    @Test
    void aVirtualThreadStartedFromATaskCanBeJoinedAfterAioRun() throws Exception {
        AtomicReference<Thread> child = new AtomicReference<>();
        AtomicBoolean ran = new AtomicBoolean();
        Bounded.run(LIMIT, () -> {
            Aio.run(() -> {
                child.set(Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(100);
                        ran.set(true);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                return null;
            });
            assertTrue(child.get().join(Duration.ofSeconds(10)), "the child virtual thread never ended");
        });
        assertTrue(ran.get());
    }

    @Test
    void aVirtualThreadStartedFromATaskRunsBesideTheLoopNotOnIt() throws Exception {
        // The child spins until a loop timer flips a flag: on the loop's own thread it would starve the timer.
        AtomicBoolean flag = new AtomicBoolean();
        AtomicReference<String> childThread = new AtomicReference<>();
        Bounded.run(LIMIT, () -> Aio.run(() -> {
            Thread child = Thread.ofVirtual().start(() -> {
                childThread.set(Thread.currentThread().toString());
                while (!flag.get()) {
                    Thread.onSpinWait();
                }
            });
            Aio.getRunningLoop().callLater(0.05, () -> flag.set(true));
            Aio.sleep(0.1);
            assertTrue(Aio.toThread(() -> child.join(Duration.ofSeconds(10))), "the child never saw the flag");
            return null;
        }));
        assertFalse(childThread.get().contains("aio4j-loop"), childThread.get());
    }

    @Test
    void grandchildrenOfATaskAreNotTheLoopsEither() throws Exception {
        AtomicBoolean flag = new AtomicBoolean();
        Bounded.run(LIMIT, () -> Aio.run(() -> {
            CountDownLatch spinning = new CountDownLatch(1);
            Thread child = Thread.ofVirtual().start(() -> {
                Thread grandchild = Thread.ofVirtual().start(() -> {
                    spinning.countDown();
                    while (!flag.get()) {
                        Thread.onSpinWait();
                    }
                });
                try {
                    grandchild.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Aio.getRunningLoop().callLater(0.05, () -> flag.set(true));
            Aio.sleep(0.1);
            assertTrue(Aio.toThread(() -> child.join(Duration.ofSeconds(10))));
            return null;
        }));
    }

    @Test
    void createTaskFromAnotherThreadWhileTheLoopRunsIsRejectedWithAsyncioMessage() throws Exception {
        EventLoop loop = Aio.newEventLoop();
        CountDownLatch running = new CountDownLatch(1);
        Thread runner = Thread.ofPlatform().start(() -> {
            loop.callSoon(running::countDown);
            loop.runForever();
        });
        try {
            assertTrue(running.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 1000; i++) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.createTask(() -> 1));
                assertTrue(e.getMessage().startsWith("Non-thread-safe operation invoked on an event loop other than the current one"),
                        e.getMessage());
            }
            CompletableFuture<Integer> pending = new CompletableFuture<>();
            loop.callSoonThreadsafe(() -> pending.complete(Aio.allTasks().size()));
            assertEquals(0, pending.get(10, TimeUnit.SECONDS), "a rejected task was registered");
        } finally {
            loop.stop();
            runner.join(10_000);
            loop.close();
        }
    }

    @Test
    void manyTasksCreatedThroughCallSoonThreadsafeFinishAndCloseCleanly() throws Exception {
        // The documented hand-over: 100k tasks, none reported pending, close() without errors.
        EventLoop loop = Aio.newEventLoop();
        List<Throwable> reports = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> reports.add(ctx.exception() != null ? ctx.exception() : new Exception(ctx.message())));
        Thread runner = Thread.ofPlatform().start(loop::runForever);
        int n = 100_000;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            loop.callSoonThreadsafe(() -> loop.createTask(() -> {
                done.countDown();
                return null;
            }));
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        loop.callSoonThreadsafe(loop::stop);
        runner.join(10_000);
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Test
    void toCompletableFutureFromAnotherThreadNeverMissesACompletion() throws Exception {
        EventLoop loop = Aio.newEventLoop();
        int n = 50_000;
        BlockingQueue<Future<Integer>> made = new ArrayBlockingQueue<>(n);
        Thread runner = Thread.ofPlatform().start(() -> loop.runUntilComplete(loop.createTask(() -> {
            for (int i = 0; i < n; i++) {
                Future<Integer> f = loop.createFuture();
                made.put(f);
                int value = i;
                loop.callSoon(() -> f.setResult(value));
                if (i % 64 == 0) {
                    Aio.sleep(0);
                }
            }
            return null;
        })));
        try {
            List<CompletableFuture<Integer>> bridged = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                bridged.add(made.poll(10, TimeUnit.SECONDS).toCompletableFuture());
            }
            CompletableFuture.allOf(bridged.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            for (int i = 0; i < n; i++) {
                assertEquals(i, bridged.get(i).join());
            }
        } finally {
            runner.join(20_000);
            loop.close();
        }
    }

    @Test
    void toCompletableFutureAskedJustBeforeTheLoopStopsCompletesWithoutAnotherRun() throws Exception {
        // The bridge is asked for while the loop runs, so it is queued on the loop; the loop then
        // stops before reaching it. It must not wait for a next run that never comes.
        EventLoop loop = Aio.newEventLoop();
        try {
            Future<String> done = loop.createFuture();
            done.setResult("x");
            Future<String> pending = loop.createFuture();
            CountDownLatch inCallback = new CountDownLatch(1);
            CountDownLatch asked = new CountDownLatch(1);
            AtomicReference<CompletableFuture<String>> fromDone = new AtomicReference<>();
            AtomicReference<CompletableFuture<String>> fromPending = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    inCallback.await();
                    fromDone.set(done.toCompletableFuture());
                    fromPending.set(pending.toCompletableFuture());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    asked.countDown();
                }
            });
            loop.callSoon(() -> {
                loop.stop();
                inCallback.countDown();
                try {
                    assertTrue(asked.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            Bounded.run(LIMIT, loop::runForever);
            other.join(10_000);
            assertEquals("x", fromDone.get().get(5, TimeUnit.SECONDS));
            // The pending one is chained: completing the future on the loop's next run completes it.
            assertFalse(fromPending.get().isDone());
            loop.callSoon(() -> pending.setResult("y"));
            Bounded.run(LIMIT, () -> loop.runUntilComplete(pending));
            assertEquals("y", fromPending.get().get(5, TimeUnit.SECONDS));
        } finally {
            loop.close();
        }
    }

    @Test
    void aBridgeCompletesEvenWhenTheLoopStopsInTheIterationThatCompletesItsFuture() throws Exception {
        // The task's last step queues f's result; the task's end queues runUntilComplete's stop right
        // behind it. A bridge completed from a callback queued when f completes would come after the
        // stop and be stranded.
        EventLoop loop = Aio.newEventLoop();
        try {
            Future<String> f = loop.createFuture();
            CompletableFuture<String> cf = f.toCompletableFuture();
            Bounded.run(LIMIT, () -> loop.runUntilComplete(loop.createTask(() -> {
                loop.callSoon(() -> f.setResult("x"));
                return null;
            })));
            assertEquals("x", cf.getNow(null));
        } finally {
            loop.close();
        }
    }

    @Test
    void runCoroutineThreadsafeEndsCancelledWhenTheLoopClosesWithTheTaskPending() throws Exception {
        EventLoop loop = Aio.newEventLoop();
        CountDownLatch started = new CountDownLatch(1);
        Thread runner = Thread.ofPlatform().start(() -> {
            loop.runForever();
            loop.close();
        });
        CompletableFuture<String> cf = Aio.runCoroutineThreadsafe(() -> {
            started.countDown();
            Aio.sleep(3600);
            return "never";
        }, loop);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        loop.callSoonThreadsafe(loop::stop);
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertThrows(java.util.concurrent.CancellationException.class, () -> cf.get(10, TimeUnit.SECONDS));
    }

    @Test
    void eagerCreateTaskFromAPlainVirtualThreadIsRejectedAndAioRunEnds() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Bounded.run(LIMIT, () -> Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Thread child = Thread.ofVirtual().start(() -> {
                try {
                    loop.createTask(() -> 1);
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            assertTrue(Aio.toThread(() -> child.join(Duration.ofSeconds(10))));
            assertEquals(Aio.allTasks().size(), 1, "only main is pending: " + Aio.allTasks());
            return null;
        }, Aio.options().eagerTasks(true)));
        assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
        assertTrue(seen.get().getMessage().startsWith("Non-thread-safe operation"), seen.get().getMessage());
    }

    @Test
    void dumpTasksFromAnotherThreadUnderLoadNeverThrows() throws Exception {
        EventLoop loop = Aio.newEventLoop();
        AtomicBoolean stop = new AtomicBoolean();
        Thread runner = Thread.ofPlatform().start(() -> loop.runUntilComplete(loop.createTask(() -> {
            while (!stop.get()) {
                for (int i = 0; i < 200; i++) {
                    Aio.createTask(() -> {
                        Aio.sleep(0);
                        return null;
                    });
                }
                Aio.sleep(0);
            }
            return null;
        })));
        try {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            int dumps = 0;
            while (System.nanoTime() < end) {
                String dump = Aio.dumpTasks();
                assertTrue(dump.contains("Tasks of "), dump);
                dumps++;
            }
            assertNotEquals(0, dumps);
        } finally {
            stop.set(true);
            runner.join(20_000);
            loop.close();
        }
    }
}
