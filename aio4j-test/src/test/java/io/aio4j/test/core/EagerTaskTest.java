package io.aio4j.test.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.ExceptionGroup;
import io.aio4j.Task;
import io.aio4j.test.AioTest;
import io.aio4j.test.TestLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EagerTaskTest {

    @AioTest(eagerTasks = true)
    void theBodyRunsUntilItsFirstSuspensionBeforeCreateTaskReturns() {
        List<String> events = new ArrayList<>();
        Task<String> child = Aio.createTask(() -> {
            events.add("child started");
            Aio.sleep(1);
            events.add("child resumed");
            return "child";
        });
        events.add("createTask returned");
        assertFalse(child.isDone());
        assertEquals("child", Aio.await(child));
        assertEquals(List.of("child started", "createTask returned", "child resumed"), events);
    }

    @AioTest(eagerTasks = true)
    void aBodyThatNeverSuspendsIsDoneWhenCreateTaskReturns() {
        AtomicReference<Task<?>> inside = new AtomicReference<>();
        Task<String> child = Aio.createTask(() -> {
            inside.set(Aio.currentTask());
            return "done";
        });
        assertTrue(child.isDone());
        assertEquals("done", child.result());
        assertSame(child, inside.get());
    }

    @AioTest(eagerTasks = true)
    void aFailureInTheFirstStepIsTheTasksException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> child = Aio.createTask(() -> {
            throw boom;
        });
        assertTrue(child.isDone());
        assertSame(boom, child.exception());
    }

    @AioTest(eagerTasks = true)
    void fromACallbackTheFirstStepRunsInline(TestLoop loop) {
        List<String> events = new ArrayList<>();
        loop.callSoon(() -> {
            Task<String> t = loop.createTask(() -> {
                events.add("body");
                return "x";
            });
            events.add("returned, done=" + t.isDone());
        });
        Aio.sleep(0);
        Aio.sleep(0);
        assertEquals(List.of("body", "returned, done=true"), events);
    }

    @AioTest(eagerTasks = true)
    void nestedEagerTasksRunDepthFirst() {
        List<String> events = new ArrayList<>();
        Aio.createTask(() -> {
            events.add("child");
            Aio.createTask(() -> {
                events.add("grandchild");
            });
            events.add("child after grandchild");
        });
        events.add("parent");
        assertEquals(List.of("child", "grandchild", "child after grandchild", "parent"), events);
    }

    @AioTest(eagerTasks = true)
    void aTaskGroupSeesAnEagerTaskThatFailedAtOnce() {
        IllegalStateException boom = new IllegalStateException("boom");
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> Aio.taskGroup(g -> {
            g.createTask(() -> {
                throw boom;
            });
            Aio.sleep(10); // cancelled by the group
            return null;
        }));
        assertEquals(List.of(boom), group.exceptions());
        assertEquals(0, Aio.currentTask().cancelling());
    }

    @AioTest
    void withoutTheOptionTasksStartOnTheNextIteration() {
        List<String> events = new ArrayList<>();
        Task<Void> child = Aio.createTask(() -> {
            events.add("child started");
        });
        events.add("createTask returned");
        Aio.await(child);
        assertEquals(List.of("createTask returned", "child started"), events);
    }

    @Test
    @Timeout(10)
    void aioRunOptionTurnsItOn() {
        List<String> events = Aio.run(() -> {
            List<String> ev = new ArrayList<>();
            Aio.createTask(() -> ev.add("child"));
            ev.add("parent");
            return ev;
        }, Aio.options().eagerTasks(true));
        assertEquals(List.of("child", "parent"), events);
    }
}
