package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loop's basic costs, per operation: a callSoon callback, a task switch through futures,
 * an {@code Aio.sleep(0)} round trip; and the same callback work on Netty's DefaultEventLoop.
 * The CPython asyncio/uvloop figures for the same algorithms come from python/loop_bench.py.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class LoopBench {
    static final int BATCH = 10_000;
    static final int ROUNDS = 10_000;
    /** callSoonOutside: callbacks queued from outside the (stopped) loop, then run. */
    static final int OUTSIDE = 5_000_000;

    @State(Scope.Thread)
    public static class Loop {
        @Param({"native", "compat"})
        public String mode;
        SelectorEventLoop loop;

        @Setup(Level.Trial)
        public void open() {
            loop = new SelectorEventLoop("compat".equals(mode) ? SelectorEventLoop.Mode.COMPAT : SelectorEventLoop.Mode.NATIVE);
            if (loop.isNativeMode() != "native".equals(mode)) {
                throw new IllegalStateException("asked for " + mode + ", got " + loop);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            loop.close();
        }
    }

    /** A callback that counts; the last one stops the loop. */
    static final class Counter implements Runnable {
        final EventLoop loop;
        int left;

        Counter(EventLoop loop, int n) {
            this.loop = loop;
            this.left = n;
        }

        @Override
        public void run() {
            if (--left == 0) {
                loop.stop();
            }
        }
    }

    /**
     * callSoon throughput on the running loop (the hot path: callbacks and tasks scheduling
     * callbacks): one callback schedules a batch, and the loop runs through it.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int callSoon(Loop s) {
        Counter c = new Counter(s.loop, BATCH);
        s.loop.callSoon(() -> {
            for (int i = 0; i < BATCH; i++) {
                s.loop.callSoon(c);
            }
        });
        s.loop.runForever();
        return c.left;
    }

    /** One callback per loop iteration: a callback that schedules itself again, ROUNDS times. */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public int oneCallbackPerIteration(Loop s) {
        SelfScheduling c = new SelfScheduling(s.loop, ROUNDS);
        s.loop.callSoon(c);
        s.loop.runForever();
        return c.left;
    }

    /** 5 M callSoon from the thread that then runs the loop (not running yet: the thread-safe queue), then run. */
    @Benchmark
    @OperationsPerInvocation(OUTSIDE)
    public int callSoonOutside(Loop s) {
        Counter c = new Counter(s.loop, OUTSIDE);
        for (int i = 0; i < OUTSIDE; i++) {
            s.loop.callSoon(c);
        }
        s.loop.runForever();
        return c.left;
    }

    /** A callback that schedules itself until it ran {@code n} times, then stops the loop. */
    static final class SelfScheduling implements Runnable {
        final EventLoop loop;
        int left;

        SelfScheduling(EventLoop loop, int n) {
            this.loop = loop;
            this.left = n;
        }

        @Override
        public void run() {
            if (--left == 0) {
                loop.stop();
            } else {
                loop.callSoon(this);
            }
        }
    }

    /** Two tasks ping-ponging through futures; one operation is one task switch. */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public int taskSwitch(Loop s) {
        EventLoop loop = s.loop;
        return loop.runUntilComplete(loop.createTask(() -> {
            PingPong pp = new PingPong(loop);
            Task<Void> pong = Aio.createTask(pp::pong);
            pp.ping();
            Aio.await(pong);
            return pp.rounds;
        }));
    }

    /** {@code Aio.sleep(0)} round trips of one task. */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public int sleepZero(Loop s) {
        return s.loop.runUntilComplete(s.loop.createTask(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                Aio.sleep(0);
            }
            return ROUNDS;
        }));
    }

    /**
     * The JDK's floor under {@link #taskSwitch}: two virtual threads scheduled by the loop that
     * hand control to each other with bare park/unpark, without futures or tasks (native only).
     */
    @Benchmark
    @OperationsPerInvocation(2 * ROUNDS)
    public int rawParkUnpark(Loop s) {
        if (!s.loop.isNativeMode()) {
            return 0;
        }
        RawPingPong pp = new RawPingPong(s.loop);
        pp.run();
        return pp.turn;
    }

    static final class RawPingPong {
        final SelectorEventLoop loop;
        volatile int turn;
        Thread a;
        Thread b;

        RawPingPong(SelectorEventLoop loop) {
            this.loop = loop;
        }

        void run() {
            Thread.Builder.OfVirtual builder = io.aio4j.internal.task.VirtualThreads.builder(loop::execute);
            a = builder.unstarted(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    turn = 1;
                    java.util.concurrent.locks.LockSupport.unpark(b);
                    while (turn != 0) {
                        java.util.concurrent.locks.LockSupport.park();
                    }
                }
                loop.stop();
            });
            b = builder.unstarted(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    while (turn != 1) {
                        java.util.concurrent.locks.LockSupport.park();
                    }
                    turn = 0;
                    java.util.concurrent.locks.LockSupport.unpark(a);
                }
            });
            b.start();
            a.start();
            loop.runForever();
        }
    }

    /** Two tasks exchanging values through fresh futures, asyncio's "future ping-pong". */
    static final class PingPong {
        final EventLoop loop;
        Future<Integer> toPong;
        Future<Integer> toPing;
        int rounds;

        PingPong(EventLoop loop) {
            this.loop = loop;
            this.toPong = loop.createFuture();
            this.toPing = loop.createFuture();
        }

        Void ping() {
            for (int i = 0; i < ROUNDS; i++) {
                Future<Integer> reply = toPing;
                toPong.setResult(i);
                Aio.await(reply);
            }
            return null;
        }

        Void pong() {
            for (int i = 0; i < ROUNDS; i++) {
                int v = Aio.await(toPong);
                toPong = loop.createFuture();
                Future<Integer> reply = toPing;
                toPing = loop.createFuture();
                reply.setResult(v);
                rounds++;
            }
            return null;
        }
    }

    @State(Scope.Benchmark)
    public static class Netty {
        DefaultEventLoop loop;

        @Setup(Level.Trial)
        public void open() {
            loop = new DefaultEventLoop();
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** The same callback work on Netty: from inside its event loop, execute() a batch of counting tasks. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long nettyExecute(Netty s) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        int[] left = {BATCH};
        Runnable count = () -> {
            if (--left[0] == 0) {
                done.countDown();
            }
        };
        s.loop.execute(() -> {
            for (int i = 0; i < BATCH; i++) {
                s.loop.execute(count);
            }
        });
        done.await();
        return left[0];
    }
}
