package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledException;
import io.aio4j.ExceptionGroup;
import io.aio4j.Task;
import io.aio4j.TaskGroup;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

class TaskGroupTest {

    @AioTest
    void waitsForEveryTask(TestLoop loop) {
        List<Task<Integer>> tasks = Aio.taskGroup(g -> List.of(
                g.createTask(() -> {
                    Aio.sleep(2);
                    return 1;
                }),
                g.createTask(() -> {
                    Aio.sleep(1);
                    return 2;
                })));
        assertEquals(1, tasks.get(0).result());
        assertEquals(2, tasks.get(1).result());
        assertEquals(2.0, loop.time(), 1e-6);
    }

    @AioTest
    void theFirstFailureCancelsSiblingsAndTheBody(TestLoop loop) {
        IllegalStateException boom = new IllegalStateException("boom");
        List<String> events = new ArrayList<>();
        AtomicReference<Task<String>> sibling = new AtomicReference<>();
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            g.createTask(() -> {
                Aio.sleep(1);
                throw boom;
            });
            sibling.set(g.createTask(() -> {
                Aio.sleep(10);
                return "sibling";
            }));
            try {
                Aio.sleep(100);
            } catch (CancelledException e) {
                events.add("body cancelled at " + loop.time());
                throw e;
            }
            return null;
        }));
        assertEquals("unhandled errors in a TaskGroup", group.getMessage());
        assertEquals(List.of(boom), group.exceptions());
        assertTrue(sibling.get().isCancelled());
        assertEquals(List.of("body cancelled at 1.0"), events);
        assertEquals(0, Aio.currentTask().cancelling());
    }

    @AioTest
    void everyFailureIsCollected() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b");
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            g.createTask(() -> {
                Aio.sleep(1);
                throw a;
            });
            g.createTask(() -> {
                try {
                    Aio.sleep(1);
                } finally {
                    throw b; // fails while being cancelled: still an error
                }
            });
            return null;
        }));
        assertEquals(List.of(a, b), group.exceptions());
    }

    @AioTest
    void aBodyErrorIsAddedToTheGroupAndCancelsTheTasks() {
        IllegalStateException boom = new IllegalStateException("body");
        AtomicReference<Task<String>> child = new AtomicReference<>();
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            child.set(g.createTask(() -> {
                Aio.sleep(10);
                return "child";
            }));
            Aio.sleep(0);
            throw boom;
        }));
        assertEquals(List.of(boom), group.exceptions());
        assertTrue(child.get().isCancelled());
    }

    @AioTest
    void aBodySwallowingTheGroupsCancellationStillEndsWithTheGroupError() {
        IllegalStateException boom = new IllegalStateException("boom");
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            g.createTask(() -> {
                Aio.sleep(1);
                throw boom;
            });
            try {
                Aio.sleep(10);
            } catch (CancelledException swallowed) {
                // carries on as if nothing happened
            }
            return "body";
        }));
        assertEquals(List.of(boom), group.exceptions());
        assertEquals(0, Aio.currentTask().cancelling());
    }

    @AioTest
    void createTaskAfterTheEndSaysFinished() {
        AtomicReference<TaskGroup> saved = new AtomicReference<>();
        Aio.taskGroup(g -> {
            saved.set(g);
            return null;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> saved.get().createTask(() -> null));
        assertEquals("TaskGroup <TaskGroup entered> is finished", e.getMessage());
    }

    @AioTest
    void createTaskAfterAFailureSaysShuttingDown() {
        AtomicReference<String> message = new AtomicReference<>();
        assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            g.createTask(() -> {
                throw new IllegalStateException("boom");
            });
            g.createTask(() -> {
                Aio.sleep(10);
            });
            try {
                Aio.sleep(10);
            } catch (CancelledException e) {
                try {
                    g.createTask(() -> null);
                } catch (IllegalStateException refused) {
                    message.set(refused.getMessage());
                }
                throw e;
            }
            return null;
        }));
        assertEquals("TaskGroup <TaskGroup tasks=1 errors=1 cancelling> is shutting down", message.get());
    }

    @AioTest
    void anOutsideCancellationCancelsTheTasksAndPropagates() {
        List<String> events = new ArrayList<>();
        Task<Object> parent = Aio.createTask(() -> Aio.taskGroup(g -> {
            g.createTask(() -> {
                try {
                    Aio.sleep(10);
                } catch (CancelledException e) {
                    events.add("child cancelled");
                    throw e;
                }
            });
            return null; // the body ends; the group waits for the child and is cancelled then
        }));
        Aio.sleep(1);
        parent.cancel();
        assertThrows(CancelledException.class, () -> Aio.await(parent));
        assertTrue(parent.isCancelled());
        assertEquals(List.of("child cancelled"), events);
    }

    @AioTest
    void errorsWinOverAnOutsideCancellationWhichStaysPending() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Integer> cancellingAfter = new AtomicReference<>();
        Task<Object> parent = Aio.createTask(() -> {
            try {
                return Aio.taskGroup(g -> {
                    g.createTask(() -> {
                        try {
                            Aio.sleep(10);
                        } catch (CancelledException e) {
                            throw boom;
                        }
                    });
                    return null;
                });
            } catch (ExceptionGroup e) {
                cancellingAfter.set(Aio.currentTask().cancelling());
                throw e;
            }
        });
        Aio.sleep(1);
        parent.cancel();
        // The ExceptionGroup escapes the group; the outside request is still counted once.
        ExceptionGroup e = assertThrows(ExceptionGroup.class, () -> Aio.await(parent));
        assertEquals(List.of(boom), e.exceptions());
        assertEquals(1, cancellingAfter.get());
    }

    @AioTest
    void theParentsCancellingLevelIsPreserved() {
        Task<?> me = Aio.currentTask();
        assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            g.createTask(() -> {
                throw new IllegalStateException("boom");
            });
            Aio.sleep(5);
            return null;
        }));
        assertEquals(0, me.cancelling());
        Aio.sleep(1); // no stray cancellation left behind
    }

    @AioTest
    void theBodysResultIsReturned() {
        assertEquals("r", Aio.taskGroup(g -> "r"));
        Exception boom = new Exception("checked");
        assertSame(boom, assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            throw boom;
        })).exceptions().get(0));
    }
}
