package io.aio4j.queue;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.internal.LoopBinding;
import io.aio4j.sync.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * asyncio's {@code Queue}: a FIFO queue for producer and consumer tasks of one loop, bounded
 * by {@code maxsize} (0 or less: unbounded). {@link #put} waits while the queue is full,
 * {@link #get} while it is empty; waiters are served in FIFO order, and a getter cancelled
 * after being woken loses no item (it passes its turn on). Each {@code put} counts an
 * unfinished item that a consumer marks finished with {@link #taskDone()}; {@link #join()}
 * waits until none is left.
 */
public class Queue<E> {
    /*
     * Overview (asyncio 3.13's): `getters` and `putters` hold one future per waiting task. A put
     * wakes the first live getter and a get the first live putter; the woken task re-checks the
     * queue in a loop, so an item taken meanwhile just makes it wait again. A woken waiter that
     * fails (is cancelled) before it runs wakes the next one if its item or slot is still there.
     */
    private final int maxsize;
    private final java.util.Queue<E> items;
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Void>> putters = new ArrayDeque<>();
    private final Event finished = new Event();
    private final LoopBinding binding = new LoopBinding();
    private int unfinishedTasks;
    private boolean isShutdown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; 0 or less is unbounded. */
    public Queue(int maxsize) {
        this(maxsize, new ArrayDeque<>());
    }

    /** For the subclasses: {@code items} decides the order ({@code offer} puts, {@code poll} takes). */
    Queue(int maxsize, java.util.Queue<E> items) {
        this.maxsize = maxsize;
        this.items = items;
        finished.set();
    }

    /** How many items are in the queue. */
    public int size() {
        return items.size();
    }

    /** The bound given at construction (0 or less: unbounded). */
    public int maxsize() {
        return maxsize;
    }

    /** Whether the queue holds no item. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether the queue holds {@code maxsize} items; never true when unbounded. */
    public boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * Puts {@code item}, suspending the current task while the queue is full.
     *
     * @throws QueueShutDownException if the queue is (or gets) shut down
     */
    public void put(E item) {
        Objects.requireNonNull(item, "item");
        while (isFull()) {
            if (isShutdown) {
                throw new QueueShutDownException();
            }
            Future<Void> putter = binding.loop(this).createFuture();
            putters.addLast(putter);
            try {
                Aio.await(putter);
            } catch (Throwable t) {
                putter.cancel();
                putters.remove(putter);
                if (!isFull() && !putter.isCancelled()) {
                    // Woken for a free slot we will not use: pass it on.
                    wakeUpNext(putters);
                }
                throw t;
            }
        }
        putNowait(item);
    }

    /**
     * Puts {@code item} without waiting.
     *
     * @throws QueueFullException if the queue is full
     * @throws QueueShutDownException if the queue is shut down
     */
    public void putNowait(E item) {
        Objects.requireNonNull(item, "item");
        if (isShutdown) {
            throw new QueueShutDownException();
        }
        if (isFull()) {
            throw new QueueFullException();
        }
        items.offer(item);
        unfinishedTasks++;
        finished.clear();
        wakeUpNext(getters);
    }

    /**
     * Takes the next item, suspending the current task while the queue is empty.
     *
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public E get() {
        while (isEmpty()) {
            if (isShutdown) {
                throw new QueueShutDownException();
            }
            Future<Void> getter = binding.loop(this).createFuture();
            getters.addLast(getter);
            try {
                Aio.await(getter);
            } catch (Throwable t) {
                getter.cancel();
                getters.remove(getter);
                if (!isEmpty() && !getter.isCancelled()) {
                    // Woken for an item we will not take: let the next getter have it.
                    wakeUpNext(getters);
                }
                throw t;
            }
        }
        return getNowait();
    }

    /**
     * Takes the next item without waiting.
     *
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public E getNowait() {
        if (isEmpty()) {
            if (isShutdown) {
                throw new QueueShutDownException();
            }
            throw new QueueEmptyException();
        }
        E item = items.poll();
        wakeUpNext(putters);
        return item;
    }

    /**
     * Marks one item taken with {@code get} as processed; when every item put has been marked,
     * {@link #join()} returns.
     *
     * @throws IllegalArgumentException {@code "taskDone() called too many times"} (Python's {@code ValueError})
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalArgumentException("taskDone() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /** Suspends the current task until every item put has been marked with {@link #taskDone()}. */
    public void join() {
        if (unfinishedTasks > 0) {
            finished.await();
        }
    }

    /** Shuts the queue down gently: {@link #shutdown(boolean) shutdown(false)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (Python 3.13): puts throw {@link QueueShutDownException} from now on,
     * and gets once the queue is empty; every waiting task is woken to see it. With
     * {@code immediate} the items left are dropped at once, each counting as done for
     * {@link #join()}.
     */
    public void shutdown(boolean immediate) {
        isShutdown = true;
        if (immediate) {
            while (!isEmpty()) {
                items.poll();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        releaseAll(getters);
        releaseAll(putters);
    }

    private static void wakeUpNext(ArrayDeque<Future<Void>> waiters) {
        while (!waiters.isEmpty()) {
            Future<Void> waiter = waiters.pollFirst();
            if (waiter.trySetResult(null)) {
                break;
            }
        }
    }

    private static void releaseAll(ArrayDeque<Future<Void>> waiters) {
        while (!waiters.isEmpty()) {
            Future<Void> waiter = waiters.pollFirst();
            waiter.trySetResult(null);
        }
    }

    /** The items as Python's repr lists its {@code _queue}: the order of the underlying storage. */
    List<E> snapshot() {
        return new ArrayList<>(items);
    }

    /** asyncio's str: {@code <Queue maxsize=0 _queue=[1, 2] _getters[1] tasks=2 shutdown>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(getClass().getSimpleName()).append(" maxsize=").append(maxsize);
        if (!items.isEmpty()) {
            sb.append(" _queue=").append(snapshot());
        }
        if (!getters.isEmpty()) {
            sb.append(" _getters[").append(getters.size()).append(']');
        }
        if (!putters.isEmpty()) {
            sb.append(" _putters[").append(putters.size()).append(']');
        }
        if (unfinishedTasks != 0) {
            sb.append(" tasks=").append(unfinishedTasks);
        }
        if (isShutdown) {
            sb.append(" shutdown");
        }
        return sb.append('>').toString();
    }
}
