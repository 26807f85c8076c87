package io.aio4j.monitor;

import io.aio4j.Aio;
import io.aio4j.AsyncCallable;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A loop running on a platform thread of its own, for tests that look at it from outside. */
final class LoopThread implements AutoCloseable {
    final EventLoop loop;
    final Thread thread;

    private LoopThread(EventLoop loop, Thread thread) {
        this.loop = loop;
        this.thread = thread;
    }

    /** Starts a loop on a new thread named {@code name}, and returns once that thread runs it (10 s at most). */
    static LoopThread start(String name) {
        EventLoop loop = Aio.newEventLoop();
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoonThreadsafe(running::countDown);
        Thread t = Thread.ofPlatform().daemon().name(name).start(loop::runForever);
        try {
            if (!running.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the loop of thread " + name + " did not start running within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting " + name, e);
        }
        return new LoopThread(loop, t);
    }

    /** Runs {@code body} as a task on the loop and returns its result (10 s at most). */
    <T> T call(AsyncCallable<T> body) throws Exception {
        return Aio.runCoroutineThreadsafe(body, loop).get(10, TimeUnit.SECONDS);
    }

    /** Creates a task named {@code name} on the loop. */
    Task<Object> task(String name, AsyncCallable<Object> body) throws Exception {
        return call(() -> Aio.createTask(body, name));
    }

    /** Cancels what is left, stops the loop, closes it. */
    @Override
    public void close() throws Exception {
        call(() -> {
            for (Task<?> t : Aio.allTasks()) {
                if (t != Aio.currentTask()) {
                    t.cancel();
                }
            }
            Aio.sleep(0);
            return null;
        });
        loop.callSoonThreadsafe(loop::stop);
        thread.join(10_000);
        loop.close();
    }
}
