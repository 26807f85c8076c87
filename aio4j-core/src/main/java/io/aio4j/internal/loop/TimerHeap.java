package io.aio4j.internal.loop;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The loop's scheduled timers: a binary min-heap by (when, sequence), with asyncio's lazy
 * cancellation. A cancelled timer stays until it reaches the top, or until the heap is
 * compacted: when more than 100 timers are scheduled and over half of them are cancelled.
 * Loop thread only.
 */
final class TimerHeap {
    private static final int MIN_SCHEDULED_TIMERS = 100;

    private RealTimerHandle[] heap = new RealTimerHandle[16];
    private int size;
    /** How many timers in the heap are cancelled. */
    private int cancelled;
    private long seq;

    /** The scheduling order of the next timer: timers due at the same time run in this order. */
    long nextSequence() {
        return seq++;
    }

    /** A timer in the heap was cancelled. */
    void cancelled() {
        cancelled++;
    }

    /** Step 1 of an iteration: compacts the heap if it is mostly cancelled, else drops the cancelled timers at the top. */
    void purgeCancelled() {
        if (size > MIN_SCHEDULED_TIMERS && cancelled * 2 > size) {
            removeCancelled();
            cancelled = 0;
        } else {
            while (size > 0 && heap[0].cancelled) {
                poll();
                cancelled--;
            }
        }
    }

    /**
     * Step 3 of an iteration: moves the timers due before {@code end} to {@code ready}, in order,
     * dropping cancelled ones; returns how many nanoseconds late the first one is, or -1 if none is due.
     */
    long moveDue(double end, ArrayDeque<Runnable> ready) {
        long lag = -1;
        while (size > 0 && heap[0].when < end) {
            RealTimerHandle h = poll();
            if (h.cancelled) {
                cancelled--;
            } else {
                if (lag < 0) {
                    lag = (long) ((end - h.when) * 1e9);
                }
                ready.addLast(h);
            }
        }
        return lag;
    }

    /** Whether a timer that is not cancelled satisfies {@code which}. */
    boolean any(java.util.function.Predicate<? super RealTimerHandle> which) {
        for (int i = 0; i < size; i++) {
            if (!heap[i].cancelled && which.test(heap[i])) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    RealTimerHandle peek() {
        return heap[0];
    }

    void add(RealTimerHandle h) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            RealTimerHandle p = heap[parent];
            if (!h.before(p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = h;
        h.scheduled = true;
    }

    RealTimerHandle poll() {
        RealTimerHandle top = heap[0];
        RealTimerHandle last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0, last);
        }
        top.scheduled = false;
        return top;
    }

    /** Drops every cancelled timer and rebuilds the heap; returns how many were dropped. */
    int removeCancelled() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            RealTimerHandle h = heap[i];
            if (h.cancelled) {
                h.scheduled = false;
            } else {
                heap[kept++] = h;
            }
        }
        int removed = size - kept;
        Arrays.fill(heap, kept, size, null);
        size = kept;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i]);
        }
        return removed;
    }

    void clear() {
        cancelled = 0;
        for (int i = 0; i < size; i++) {
            heap[i].scheduled = false;
        }
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    private void siftDown(int i, RealTimerHandle h) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) {
                child = right;
            }
            if (!heap[child].before(h)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = h;
    }
}
