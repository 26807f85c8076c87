package io.aio4j.queue;

import java.util.Comparator;

/**
 * asyncio's {@code PriorityQueue}: a {@link Queue} that hands out the smallest item first,
 * by a {@link Comparator} or, when it is {@code null}, by the items' natural ordering. Items of
 * equal priority come out in no particular order.
 */
public class PriorityQueue<E> extends Queue<E> {
    /** An unbounded queue in natural ordering. */
    public PriorityQueue() {
        this(0, null);
    }

    /** A queue of at most {@code maxsize} items (0 or less: unbounded) in natural ordering. */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /** A queue of at most {@code maxsize} items (0 or less: unbounded) ordered by {@code comparator} ({@code null}: natural). */
    public PriorityQueue(int maxsize, Comparator<? super E> comparator) {
        super(maxsize, new java.util.PriorityQueue<>(comparator));
    }
}
