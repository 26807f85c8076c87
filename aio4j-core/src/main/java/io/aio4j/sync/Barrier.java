package io.aio4j.sync;

/**
 * asyncio's {@code Barrier}: {@code parties} tasks wait in {@link #await()} until the last one
 * arrives, then all go on together, and the barrier can be used again.
 *
 * <pre>
 *   FILLING --last party arrives--> DRAINING --all left--> FILLING
 *      |  reset() with waiters --> RESETTING --all left--> FILLING
 *      +-- abort() --> BROKEN (for good)
 * </pre>
 *
 * <p>{@link #reset()} and {@link #abort()} take the barrier's internal lock, so they may suspend
 * the calling task briefly; call them from a task.
 */
public final class Barrier extends LoopBound {
    /** The states, with asyncio's names for {@link #toString()}. */
    private enum State {
        FILLING("filling"), DRAINING("draining"), RESETTING("resetting"), BROKEN("broken");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    private int count;

    /**
     * A barrier for {@code parties} tasks.
     *
     * @throws IllegalArgumentException {@code "parties must be > 0"}
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@code parties} tasks are waiting, then returns this task's arrival index,
     * 0 to {@code parties - 1} (the last to arrive gets {@code parties - 1}).
     *
     * @throws BrokenBarrierException {@code "Abort or reset of barrier"} if the barrier is aborted
     *     or reset while waiting, {@code "Barrier aborted"} if it was broken before
     */
    public int await() {
        cond.acquire();
        try {
            block();
            int index = count++;
            try {
                if (index + 1 == parties) {
                    state = State.DRAINING;
                    cond.signalAll();
                } else {
                    waitForRelease();
                }
                return index;
            } finally {
                count--;
                exit();
            }
        } finally {
            cond.release();
        }
    }

    /**
     * Returns the barrier to its empty state; tasks waiting in it get {@link BrokenBarrierException}.
     */
    public void reset() {
        cond.acquire();
        try {
            state = count > 0 ? State.RESETTING : State.FILLING;
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    /**
     * Breaks the barrier for good: tasks waiting in it and every later {@link #await()} get
     * {@link BrokenBarrierException}.
     */
    public void abort() {
        cond.acquire();
        try {
            state = State.BROKEN;
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    /** How many tasks must arrive to pass the barrier. */
    public int parties() {
        return parties;
    }

    /** How many tasks are waiting while the barrier fills (0 while it drains or resets). */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** Whether the barrier was aborted. */
    public boolean isBroken() {
        return state == State.BROKEN;
    }

    private void block() {
        // Wait while the previous round drains or a reset completes.
        cond.awaitFor(() -> state != State.DRAINING && state != State.RESETTING);
        if (state == State.BROKEN) {
            throw new BrokenBarrierException("Barrier aborted");
        }
    }

    private void waitForRelease() {
        cond.awaitFor(() -> state != State.FILLING);
        if (state == State.BROKEN || state == State.RESETTING) {
            throw new BrokenBarrierException("Abort or reset of barrier");
        }
    }

    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /** asyncio's repr: {@code <Barrier@1b6d3586 [filling, waiters:1/3]>}. */
    @Override
    public String toString() {
        String extra = state.label;
        if (!isBroken()) {
            extra += ", waiters:" + nWaiting() + "/" + parties;
        }
        return reprPrefix() + " [" + extra + "]>";
    }
}
