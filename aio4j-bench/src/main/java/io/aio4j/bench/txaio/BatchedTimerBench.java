package io.aio4j.bench.txaio;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.txaio.IBatchedTimer;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.Txaio;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Schedules and fires one million calls three ways and reports the time to schedule one, the
 * heap one retains while outstanding (measured in a separate pass, since its GCs would skew the
 * times), and the wall time from the first schedule until the last one fired (the delays end at
 * 1 s, so anything above 1,000 ms is lateness), and the CPU time the firing thread spent per call
 * while firing:
 * <ol>
 *   <li>{@code batched}: txaio's {@code makeBatchedTimer(0.2, 1000)} on an aio4j loop;</li>
 *   <li>{@code callLater}: txaio's plain {@code callLater} on the same kind of loop (one loop timer each);</li>
 *   <li>{@code wheel}: Netty's {@code HashedWheelTimer} (10 ms ticks, 512 buckets, its own thread).</li>
 * </ol>
 * Delays are spread evenly over one second. The three run interleaved (A B C A B C …) for
 * {@code rounds} rounds after one warm-up round; medians are printed.
 *
 * <p>Run (from the repository root, after {@code mvn -pl aio4j-bench -am package -DskipTests}):
 * {@code java -Xms2g -Xmx2g -XX:+UseParallelGC --add-opens java.base/java.lang=ALL-UNNAMED -cp <classpath> io.aio4j.bench.txaio.BatchedTimerBench [calls] [rounds]}
 */
public final class BatchedTimerBench {
    private static final double SPREAD_SECONDS = 1.0;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BatchedTimerBench() {
    }

    /** One measurement: nanoseconds to schedule, bytes retained, and milliseconds until all fired. */
    record Result(double scheduleNanosPerCall, double bytesPerCall, double fireMillis, double fireCpuNanosPerCall) {
    }

    interface Variant {
        String name();

        Result run(int calls) throws Exception;
    }

    /** Runs the benchmark: {@code [calls] [rounds]}, default 1,000,000 and 5. */
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Variant> variants = List.of(
                variant("batched", BatchedTimerBench::batched),
                variant("callLater", BatchedTimerBench::callLater),
                variant("wheel", BatchedTimerBench::wheel));
        for (Variant v : variants) v.run(calls); // warm-up
        List<List<Result>> results = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            results.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < variants.size(); i++) {
                results.get(i).add(variants.get(i).run(calls));
            }
        }
        System.out.printf(Locale.ROOT, "%d calls spread over %.1f s, median of %d rounds (%s, %s)%n", calls,
                SPREAD_SECONDS, rounds, System.getProperty("java.vm.version"),
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
        System.out.printf(Locale.ROOT, "%-10s %16s %16s %18s %16s%n", "variant", "schedule ns/call", "heap bytes/call",
                "all fired after ms", "fire CPU ns/call");
        for (int i = 0; i < variants.size(); i++) {
            List<Result> rs = results.get(i);
            System.out.printf(Locale.ROOT, "%-10s %16.1f %16.1f %18.1f %16.1f%n", variants.get(i).name(),
                    median(rs.stream().mapToDouble(Result::scheduleNanosPerCall).toArray()),
                    median(rs.stream().mapToDouble(Result::bytesPerCall).toArray()),
                    median(rs.stream().mapToDouble(Result::fireMillis).toArray()),
                    median(rs.stream().mapToDouble(Result::fireCpuNanosPerCall).toArray()));
        }
    }

    interface Body {
        Result run(int calls) throws Exception;
    }

    private static Variant variant(String name, Body body) {
        return new Variant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result run(int calls) throws Exception {
                return body.run(calls);
            }
        };
    }

    private static Result batched(int calls) {
        Result timed;
        try (EventLoop loop = Aio.newEventLoop()) {
            IBatchedTimer timer = Txaio.withConfig(loop).makeBatchedTimer(0.2, 1000);
            timed = onLoop(loop, calls, timer::callLater);
        }
        try (EventLoop loop = Aio.newEventLoop()) {
            IBatchedTimer timer = Txaio.withConfig(loop).makeBatchedTimer(0.2, 1000);
            return new Result(timed.scheduleNanosPerCall(), heapPerCall(calls, timer::callLater), timed.fireMillis(),
                    timed.fireCpuNanosPerCall());
        }
    }

    private static Result callLater(int calls) {
        Result timed;
        try (EventLoop loop = Aio.newEventLoop()) {
            timed = onLoop(loop, calls, Txaio.withConfig(loop)::callLater);
        }
        try (EventLoop loop = Aio.newEventLoop()) {
            TxApi txa = Txaio.withConfig(loop);
            return new Result(timed.scheduleNanosPerCall(), heapPerCall(calls, txa::callLater), timed.fireMillis(),
                    timed.fireCpuNanosPerCall());
        }
    }

    interface Scheduler {
        Object schedule(double delaySeconds, Runnable fn);
    }

    private static Result onLoop(EventLoop loop, int calls, Scheduler scheduler) {
        Future<Void> allFired = loop.createFuture();
        int[] fired = {0};
        Runnable count = () -> {
            if (++fired[0] == calls) {
                allFired.setResult(null);
            }
        };
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            scheduler.schedule(SPREAD_SECONDS * i / calls, count);
        }
        long scheduled = System.nanoTime();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        loop.runUntilComplete(allFired);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long end = System.nanoTime();
        return new Result((scheduled - start) / (double) calls, Double.NaN, (end - start) / 1e6, cpu / (double) calls);
    }

    /** Heap retained by {@code calls} outstanding timers (measured in a separate pass: GC would skew the times). */
    private static double heapPerCall(int calls, Scheduler scheduler) {
        Runnable noop = () -> { };
        Object[] keep = new Object[calls];
        long before = usedHeap();
        for (int i = 0; i < calls; i++) {
            keep[i] = scheduler.schedule(SPREAD_SECONDS + SPREAD_SECONDS * i / calls, noop);
        }
        long after = usedHeap();
        Arrays.fill(keep, null);
        return (after - before) / (double) calls;
    }

    private static Result wheel(int calls) throws InterruptedException {
        HashedWheelTimer timer = newWheel();
        try {
            CountDownLatch allFired = new CountDownLatch(calls);
            long[] workerCpu = {0, 0};
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                long delayNanos = (long) (SPREAD_SECONDS * 1e9 * i / calls);
                timer.newTimeout(t -> {
                    if (workerCpu[0] == 0) {
                        workerCpu[0] = THREADS.getCurrentThreadCpuTime();
                    }
                    allFired.countDown();
                    if (allFired.getCount() == 0) {
                        workerCpu[1] = THREADS.getCurrentThreadCpuTime();
                    }
                }, delayNanos, TimeUnit.NANOSECONDS);
            }
            long scheduled = System.nanoTime();
            allFired.await();
            long end = System.nanoTime();
            double bytes = wheelHeapPerCall(calls);
            // the worker's CPU from the first expiry to the last (it also drained the queue of new timeouts)
            return new Result((scheduled - start) / (double) calls, bytes, (end - start) / 1e6,
                    (workerCpu[1] - workerCpu[0]) / (double) calls);
        } finally {
            timer.stop();
        }
    }

    private static double wheelHeapPerCall(int calls) {
        HashedWheelTimer timer = newWheel();
        try {
            return heapPerCall(calls, (delay, fn) -> timer.newTimeout(t -> fn.run(), (long) (delay * 1e9), TimeUnit.NANOSECONDS));
        } finally {
            timer.stop();
        }
    }

    private static HashedWheelTimer newWheel() {
        return new HashedWheelTimer(new DefaultThreadFactory("wheel", true), 10, TimeUnit.MILLISECONDS, 512);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
