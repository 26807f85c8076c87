package io.aio4j.internal.loop;

import java.util.Arrays;

/**
 * The loop's scheduled timers: a binary min-heap by (when, sequence). Cancelled timers stay
 * until they reach the top or the loop compacts the heap (asyncio's lazy cancellation).
 */
final class TimerHeap {
    private RealTimerHandle[] heap = new RealTimerHandle[16];
    private int size;

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
