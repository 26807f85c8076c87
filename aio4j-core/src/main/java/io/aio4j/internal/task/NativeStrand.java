package io.aio4j.internal.task;

import java.util.concurrent.locks.LockSupport;

/**
 * Native mode: the body runs on a virtual thread whose scheduler is the loop, so parking
 * unmounts it and unparking queues its continuation on the loop like a callback.
 */
final class NativeStrand implements Strand {
    private final Thread thread;

    NativeStrand(Thread thread) {
        this.thread = thread;
    }

    @Override
    public Thread thread() {
        return thread;
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void resume() {
        LockSupport.unpark(thread);
    }

    @Override
    public void suspend() {
        LockSupport.park();
    }

    @Override
    public void yieldOnce() {
        Thread.yield();
    }
}
