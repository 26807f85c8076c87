package io.aio4j.test.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.sync.Barrier;
import io.aio4j.sync.BrokenBarrierException;
import io.aio4j.test.AioTest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

class BarrierTest {

    private static List<Task<Integer>> arrive(Barrier barrier, int n) {
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Aio.createTask(barrier::await));
        }
        return tasks;
    }

    @AioTest
    void partiesMustBePositive() {
        assertEquals("parties must be > 0", assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage());
    }

    @AioTest
    void everyPartyPassesWhenTheLastArrivesWithDistinctIndices() {
        Barrier barrier = new Barrier(3);
        List<Task<Integer>> tasks = arrive(barrier, 2);
        Aio.sleep(1);
        assertEquals(2, barrier.nWaiting());
        assertFalse(tasks.get(0).isDone());
        assertTrue(barrier.toString().endsWith("[filling, waiters:2/3]>"), barrier.toString());
        int mine = barrier.await();
        TreeSet<Integer> indices = new TreeSet<>(List.of(mine));
        for (Task<Integer> t : tasks) {
            indices.add(Aio.await(t));
        }
        assertEquals(new TreeSet<>(List.of(0, 1, 2)), indices);
        assertEquals(2, mine);
        assertEquals(0, barrier.nWaiting());
    }

    @AioTest
    void theBarrierCanBeUsedAgain() {
        Barrier barrier = new Barrier(2);
        for (int round = 0; round < 3; round++) {
            Task<Integer> other = Aio.createTask(barrier::await);
            barrier.await();
            Aio.await(other);
        }
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    @AioTest
    void abortBreaksWaitersAndLaterArrivals() {
        Barrier barrier = new Barrier(3);
        List<Task<Integer>> tasks = arrive(barrier, 2);
        Aio.sleep(0);
        barrier.abort();
        for (Task<Integer> t : tasks) {
            BrokenBarrierException e = assertThrows(BrokenBarrierException.class, () -> Aio.await(t));
            assertEquals("Abort or reset of barrier", e.getMessage());
        }
        assertTrue(barrier.isBroken());
        assertEquals("Barrier aborted", assertThrows(BrokenBarrierException.class, barrier::await).getMessage());
    }

    @AioTest
    void resetBreaksWaitersAndLeavesTheBarrierUsable() {
        Barrier barrier = new Barrier(2);
        Task<Integer> waiting = Aio.createTask(barrier::await);
        Aio.sleep(0);
        barrier.reset();
        BrokenBarrierException e = assertThrows(BrokenBarrierException.class, () -> Aio.await(waiting));
        assertEquals("Abort or reset of barrier", e.getMessage());
        assertFalse(barrier.isBroken());
        Task<Integer> other = Aio.createTask(barrier::await);
        barrier.await();
        Aio.await(other);
    }
}
