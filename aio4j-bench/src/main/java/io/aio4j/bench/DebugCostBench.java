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
 * What debug mode costs: {@link LoopBench}'s callSoon and task-switch cases with debug mode off
 * and on (creation sites recorded for every handle and future, every callback timed and watched).
 * {@code main} runs it and prints the table of {@code results/debug.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class DebugCostBench {

    @State(Scope.Thread)
    public static class Loop {
        @Param({"false", "true"})
        public boolean debug;
        SelectorEventLoop loop;

        @Setup(Level.Trial)
        public void open() {
            loop = new SelectorEventLoop(SelectorEventLoop.Mode.NATIVE);
            loop.setDebug(debug);
            // Nothing is slow at this threshold: the cost measured is the bookkeeping, not the logging.
            loop.setSlowCallbackDuration(10);
        }

        @TearDown(Level.Trial)
        public void close() {
            loop.close();
        }
    }

    /** callSoon throughput: a batch of callbacks, then the loop runs through them. */
    @Benchmark
    @OperationsPerInvocation(LoopBench.BATCH)
    public int callSoon(Loop s) {
        LoopBench.Counter c = new LoopBench.Counter(s.loop, LoopBench.BATCH);
        for (int i = 0; i < LoopBench.BATCH; i++) {
            s.loop.callSoon(c);
        }
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

    /** Runs the benchmark and prints the Markdown table. */
    public static void main(String[] args) throws Exception {
        var results = new Runner(new OptionsBuilder().include(DebugCostBench.class.getName() + "\\.").build()).run();
        StringBuilder sb = new StringBuilder("| case | debug off (ns/op) | debug on (ns/op) | ratio |\n| --- | --- | --- | --- |\n");
        for (String name : new String[] {"callSoon", "taskSwitch"}) {
            double off = score(results, name, "false");
            double on = score(results, name, "true");
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2fx |%n", name, off, on, on / off));
        }
        System.out.print(sb);
    }

    private static double score(java.util.Collection<RunResult> results, String name, String debug) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + name) && debug.equals(r.getParams().getParam("debug"))) {
                return r.getPrimaryResult().getScore();
            }
        }
        return Double.NaN;
    }
}
