package io.aio4j.internal.loop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loop's default executor for {@code runInExecutor} and {@code Aio.toThread}: like
 * Python's ThreadPoolExecutor, min(32, cpus + 4) platform threads made on demand. Platform
 * threads on purpose: a virtual thread started from a task would inherit the loop as its
 * scheduler and block it.
 */
final class DefaultExecutor {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private DefaultExecutor() {
    }

    static ExecutorService create() {
        int n = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name("aio4j-executor-" + THREADS.incrementAndGet()).unstarted(r));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
