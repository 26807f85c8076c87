package io.aio4j.sync;

import io.aio4j.Aio;
import io.aio4j.Future;
import java.util.ArrayDeque;

/**
 * asyncio's {@code Event}: a flag that tasks can wait for. {@link #set()} wakes every waiting
 * task; {@link #clear()} makes later {@link #await()}s wait again.
 */
public final class Event extends LoopBound {
    private final ArrayDeque<Future<Boolean>> waiters = new ArrayDeque<>();
    private boolean value;

    /** An event that is not set. */
    public Event() {
    }

    /** Whether the flag is set. */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every waiting task. Setting a set event does nothing. */
    public void set() {
        if (value) {
            return;
        }
        value = true;
        for (Future<Boolean> fut : waiters) {
            fut.trySetResult(true);
        }
    }

    /** Clears the flag: later {@link #await()}s wait until it is set again. */
    public void clear() {
        value = false;
    }

    /**
     * Returns at once if the flag is set, otherwise suspends the current task until
     * {@link #set()} is called (even if the flag was cleared again meanwhile).
     */
    public void await() {
        if (value) {
            return;
        }
        Future<Boolean> fut = boundLoop().createFuture();
        waiters.addLast(fut);
        try {
            Aio.await(fut);
        } finally {
            waiters.remove(fut);
        }
    }

    /** asyncio's repr: {@code <Event@1b6d3586 [unset, waiters:1]>}. */
    @Override
    public String toString() {
        String extra = value ? "set" : "unset";
        if (!waiters.isEmpty()) {
            extra += ", waiters:" + waiters.size();
        }
        return reprPrefix() + " [" + extra + "]>";
    }
}
