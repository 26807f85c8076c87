package io.aio4j.internal.task;

import io.aio4j.internal.loop.Current;

/**
 * How a task's body gets the loop: the thread it runs on and the hand-over of control
 * between it and the loop. {@link #start} and {@link #resume} are called on the loop side,
 * {@link #suspend} and {@link #yieldOnce} by the body itself, which holds the loop while it runs.
 */
public interface Strand {
    /** The body's thread. */
    Thread thread();

    /** The body starts running on its thread: {@code Current.get()} there gives {@code task} until {@link #exit}. */
    default void enter(Object task) {
        Current.set(task);
    }

    /** The body has ended: its thread is no longer the task's ({@code Current.get()} gives null there). */
    default void exit() {
        Current.remove();
    }

    /** Queues the body's first step on the loop. */
    void start();

    /** Queues the body's next step on the loop (it is suspended, or about to be). */
    void resume();

    /**
     * Gives the loop back until {@link #resume()}; may return spuriously, so callers loop on their
     * condition. An interrupt of the body's thread while it waits makes it return too (native
     * mode), or is handed to the loop as the strand's interrupt callback (compatibility mode).
     *
     * @throws IllegalStateException when the body cannot give the loop up (native mode: its
     *     virtual thread is pinned to the loop's thread)
     */
    void suspend();

    /** Queues the body's next step and gives the loop back: one loop iteration passes. */
    void yieldOnce();

    /**
     * Whether the body, which does not hold the loop, sits in a JDK blocking call (native mode:
     * its virtual thread is parked or blocked outside aio4j). Called on the loop side.
     */
    boolean inJdkBlockingCall();
}
