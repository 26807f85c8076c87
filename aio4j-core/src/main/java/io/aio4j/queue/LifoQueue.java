package io.aio4j.queue;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;

/** asyncio's {@code LifoQueue}: a {@link Queue} that hands out the most recently put item first (a stack). */
public class LifoQueue<E> extends Queue<E> {
    /** An unbounded stack. */
    public LifoQueue() {
        this(0);
    }

    /** A stack of at most {@code maxsize} items (0 or less: unbounded). */
    public LifoQueue(int maxsize) {
        super(maxsize, Collections.asLifoQueue(new ArrayDeque<>()));
    }

    /** Bottom of the stack first, as Python's list-based {@code _queue} prints. */
    @Override
    List<E> snapshot() {
        List<E> items = super.snapshot();
        Collections.reverse(items);
        return items;
    }
}
