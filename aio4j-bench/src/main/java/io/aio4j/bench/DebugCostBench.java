package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.Locale;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What debug mode costs: {@link LoopBench}'s loop figures (native mode) with debug mode off, at
 * its default level ({@code sampled}: creation sites for a sample of callbacks and futures, steps
 * timed by the watchdog) and at {@code paranoid} (every creation site, as {@code -Daio4j.debug=paranoid}).
 * {@code main} runs it and prints the table of {@code results/debug.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class DebugCostBench {
    /** The figures, in {@link LoopVsUvloop}'s order. */
    static final String[] FIGURES = {"sleepZero", "taskSwitch", "oneCallbackPerIteration", "callSoonOutside", "callSoon"};

    @State(Scope.Thread)
    public static class Loop {
        @Param({"off", "sampled", "paranoid"})
        public String level;
        SelectorEventLoop loop;

        @Setup(Level.Trial)
        public void open() {
            loop = new SelectorEventLoop(SelectorEventLoop.Mode.NATIVE);
            loop.setDebug(!"off".equals(level));
            loop.setDebugParanoid("paranoid".equals(level));
            // Nothing is slow at this threshold: the cost measured is the bookkeeping, not the logging.
            loop.setSlowCallbackDuration(10);
        }

        @TearDown(Level.Trial)
        public void close() {
            loop.close();
        }
    }

    /** callSoon throughput: a batch of callbacks queued by a callback, then the loop runs through them. */
    @Benchmark
    @OperationsPerInvocation(LoopBench.BATCH)
    public int callSoon(Loop s) {
        LoopBench.Counter c = new LoopBench.Counter(s.loop, LoopBench.BATCH);
        s.loop.callSoon(() -> {
            for (int i = 0; i < LoopBench.BATCH; i++) {
                s.loop.callSoon(c);
            }
        });
        s.loop.runForever();
        return c.left;
    }

    /** callSoon from outside the stopped loop, then run (a million: the paranoid level records each site). */
    @Benchmark
    @OperationsPerInvocation(LoopBench.OUTSIDE / 5)
    public int callSoonOutside(Loop s) {
        LoopBench.Counter c = new LoopBench.Counter(s.loop, LoopBench.OUTSIDE / 5);
        for (int i = 0; i < LoopBench.OUTSIDE / 5; i++) {
            s.loop.callSoon(c);
        }
        s.loop.runForever();
        return c.left;
    }

    /** One callback per loop iteration. */
    @Benchmark
    @OperationsPerInvocation(LoopBench.ROUNDS)
    public int oneCallbackPerIteration(Loop s) {
        LoopBench.SelfScheduling c = new LoopBench.SelfScheduling(s.loop, LoopBench.ROUNDS);
        s.loop.callSoon(c);
        s.loop.runForever();
        return c.left;
    }

    /** Two tasks ping-ponging through fresh futures; one operation is one task switch. */
    @Benchmark
    @OperationsPerInvocation(2 * LoopBench.ROUNDS)
    public int taskSwitch(Loop s) {
        EventLoop loop = s.loop;
        return loop.runUntilComplete(loop.createTask(() -> {
            LoopBench.PingPong pp = new LoopBench.PingPong(loop);
            Task<Void> pong = Aio.createTask(pp::pong);
            pp.ping();
            Aio.await(pong);
            return pp.rounds;
        }));
    }

    /** {@code Aio.sleep(0)} round trips of one task. */
    @Benchmark
    @OperationsPerInvocation(LoopBench.ROUNDS)
    public int sleepZero(Loop s) {
        return s.loop.runUntilComplete(s.loop.createTask(() -> {
            for (int i = 0; i < LoopBench.ROUNDS; i++) {
                Aio.sleep(0);
            }
            return LoopBench.ROUNDS;
        }));
    }

    /** Runs the benchmark and prints the Markdown table. */
    public static void main(String[] args) throws Exception {
        var results = new Runner(new OptionsBuilder().include(DebugCostBench.class.getName() + "\\.").build()).run();
        StringBuilder sb = new StringBuilder("| case | debug off (ns/op) | sampled (default) | paranoid |\n| --- | --- | --- | --- |\n");
        for (String name : FIGURES) {
            double off = score(results, name, "off");
            double sampled = score(results, name, "sampled");
            double paranoid = score(results, name, "paranoid");
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f (%.2fx) | %.1f (%.2fx) |%n", name, off, sampled,
                    sampled / off, paranoid, paranoid / off));
        }
        System.out.print(sb);
    }

    static double score(java.util.Collection<RunResult> results, String name, String level) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + name) && level.equals(r.getParams().getParam("level"))) {
                return r.getPrimaryResult().getStatistics().getPercentile(50);
            }
        }
        return Double.NaN;
    }
}
