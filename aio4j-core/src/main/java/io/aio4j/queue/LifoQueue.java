package io.aio4j.queue;

import java.util.ArrayDeque;
import java.util.Collections;

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
}
