package io.aio4j.bench;

import io.aio4j.monitor.Monitor;
import io.aio4j.monitor.MonitorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * What a running monitor costs the loop when nobody looks at it: {@link LoopBench}'s cases
 * (native mode) with the monitor off and on (its sampler thread, its lag probe timer on the
 * loop, the task-history hooks recording). {@code main [rounds]} alternates off and on runs,
 * takes the medians and writes the section of RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class MonitorCostBench {
    private static final List<String> CASES = List.of("callSoon", "taskSwitch", "sleepZero");
    private static final String BEGIN = "<!-- monitor-cost:begin -->";
    private static final String END = "<!-- monitor-cost:end -->";

    /** The monitor, started for the trial when {@code monitor} is "on". */
    @State(Scope.Benchmark)
    public static class WithMonitor {
        @Param({"off", "on"})
        public String monitor;
        Monitor running;

        @Setup(Level.Trial)
        public void start() {
            if (monitor.equals("on")) {
                running = Monitor.start(new MonitorOptions());
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (running != null) {
                running.close();
            }
        }
    }

    /** The cases themselves are LoopBench's (stateless methods): the same code is measured. */
    private static final LoopBench CASES_OF = new LoopBench();

    @Benchmark
    @OperationsPerInvocation(LoopBench.BATCH)
    public int callSoon(WithMonitor m, LoopBench.Loop s) {
        return CASES_OF.callSoon(s);
    }

    @Benchmark
    @OperationsPerInvocation(2 * LoopBench.ROUNDS)
    public int taskSwitch(WithMonitor m, LoopBench.Loop s) {
        return CASES_OF.taskSwitch(s);
    }

    @Benchmark
    @OperationsPerInvocation(LoopBench.ROUNDS)
    public int sleepZero(WithMonitor m, LoopBench.Loop s) {
        return CASES_OF.sleepZero(s);
    }

    /** {@code [rounds]} (default 3) rounds of off-then-on runs; prints the table and updates RESULTS.md when run from the checkout. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String monitor : List.of("off", "on")) {
                System.out.printf("== round %d/%d: monitor %s%n", round, rounds, monitor);
                var opts = new OptionsBuilder().include(MonitorCostBench.class.getName() + "\\.")
                        .param("monitor", monitor).param("mode", "native").build();
                for (RunResult r : new Runner(opts).run()) {
                    String bench = r.getParams().getBenchmark();
                    String key = bench.substring(bench.lastIndexOf('.') + 1) + " " + monitor;
                    samples.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getPrimaryResult().getStatistics().getPercentile(50));
                }
            }
        }
        StringBuilder sb = new StringBuilder("| case (native mode) | monitor off (ns/op) | monitor on (ns/op) | on / off |\n"
                + "| --- | --- | --- | --- |\n");
        for (String c : CASES) {
            double off = Bench.Report.median(samples.get(c + " off"));
            double on = Bench.Report.median(samples.get(c + " on"));
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f |%n", c, off, on, on / off));
        }
        System.out.print(sb);
        Path results = Path.of("aio4j-bench/RESULTS.md");
        if (Files.exists(results)) {
            String section = BEGIN + "\n## What a running monitor costs the loop\n\nMeasured " + LocalDate.now()
                    + " with `java ... io.aio4j.bench.MonitorCostBench " + rounds + "` (JDK " + Runtime.version().feature()
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores, parallel GC): " + rounds
                    + " interleaved rounds (monitor off, then on), JMH 3 x 0.5 s warm-up and 5 x 0.5 s measurement per run,"
                    + " median of each run's iterations, then the median over the rounds. The monitor runs with its defaults"
                    + " (sampler every 25 ms, a lag probe timer every 100 ms on the loop, task history recording, MBeans) and"
                    + " nobody requests a page.\n\n" + sb + END;
            String text = Files.readString(results);
            int b = text.indexOf(BEGIN);
            int e = text.indexOf(END);
            text = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + END.length()) : text + "\n" + section + "\n";
            Files.writeString(results, text);
            System.out.println("wrote " + results);
        }
    }
}
