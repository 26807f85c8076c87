package io.aio4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./run bench loop-vs-uvloop [rounds]}: issue 13's loop figures in one run. aio4j (native
 * mode, JMH: {@link DebugCostBench} with debug mode off and at its default level), CPython asyncio
 * and uvloop (python/loop_bench.py, the same algorithms), then {@code strace -c -f} counting the
 * system calls per {@code sleep(0)} of aio4j, uvloop, asyncio and (a self-resubmitting task)
 * Netty's NIO loop. Writes the tables between the {@code loop-vs-uvloop} markers of RESULTS.md.
 */
public final class LoopVsUvloop {
    /** The figures: JMH method / loop_bench.py case names, and how RESULTS.md names them. */
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();
    private static final Set<String> SELECTOR_CALLS = Set.of("epoll_wait", "epoll_pwait", "epoll_pwait2", "select",
            "pselect6", "poll", "ppoll");
    private static final String BEGIN = "<!-- loop-vs-uvloop:begin -->";
    private static final String END = "<!-- loop-vs-uvloop:end -->";

    static {
        FIGURES.put("sleepZero", "`Aio.sleep(0)` (ns per sleep)");
        FIGURES.put("taskSwitch", "future ping-pong (ns per switch, 2 per round)");
        FIGURES.put("oneCallbackPerIteration", "one callback per loop iteration (ns per callback)");
        FIGURES.put("callSoonOutside", "5 M `callSoon` queued from outside, then run (ns per callback)");
        FIGURES.put("callSoon", "10 k `callSoon` queued by a callback, then run (ns per callback)");
    }

    private LoopVsUvloop() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Path benchDir = Bench.benchDir();
        List<String> notes = new ArrayList<>();
        String loadBefore = loadAverage();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        String python = Bench.Python.find(notes);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("== round %d/%d: aio4j, debug off and on (JMH)%n", round, rounds);
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                    .include(DebugCostBench.class.getName() + "\\.(" + String.join("|", FIGURES.keySet()) + ")$")
                    .param("level", "off", "sampled").build()).run();
            for (String f : FIGURES.keySet()) {
                add(samples, "off " + f, DebugCostBench.score(results, f, "off"));
                add(samples, "sampled " + f, DebugCostBench.score(results, f, "sampled"));
            }
            if (python != null) {
                for (String flavour : List.of("asyncio", "uvloop")) {
                    System.out.printf("== round %d/%d: CPython %s%n", round, rounds, flavour);
                    python(python, benchDir.resolve("python/loop_bench.py"), flavour, samples, notes);
                }
            }
        }
        System.out.println("== strace -c -f: system calls per sleep(0)");
        Map<String, double[]> strace = new LinkedHashMap<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        int n = 200_000;
        strace.put("aio4j (native mode)", perOp(n, k -> List.of(java, "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", cp, SleepZeroMain.class.getName(), Integer.toString(k)), notes));
        if (python != null) {
            for (String flavour : List.of("uvloop", "asyncio")) {
                strace.put(flavour, perOp(n, k -> List.of(python, benchDir.resolve("python/loop_bench.py").toString(), flavour,
                        "sleepzero-only", Integer.toString(k)), notes));
            }
        }
        strace.put("Netty 4.2 NIO (a task re-submitting itself)", perOp(n, k -> List.of(java, "-cp", cp,
                NettySelfExecuteMain.class.getName(), Integer.toString(k)), notes));
        notes.add("load average (1 min) at the start and at the end of the run: " + loadBefore + " and " + loadAverage()
                + ", on " + Runtime.getRuntime().availableProcessors() + " cores (above the core count, other processes "
                + "shared the machine: compare ratios, not absolute times)");
        String section = report(samples, strace, rounds, n, notes);
        System.out.println(section);
        write(benchDir.resolve("RESULTS.md"), section);
    }

    /** The 1-minute load average (Linux), or "unknown". */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void add(Map<String, List<Double>> samples, String key, double v) {
        if (!Double.isNaN(v)) {
            samples.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
    }

    private static void python(String python, Path script, String flavour, Map<String, List<Double>> samples,
            List<String> notes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, script.toString(), flavour, "5", String.join(",", FIGURES.keySet()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            notes.add(flavour + " run failed: " + out.strip());
            return;
        }
        for (String line : out.strip().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && FIGURES.containsKey(parts[0])) {
                add(samples, flavour + " " + parts[0], Double.parseDouble(parts[1]));
            }
        }
    }

    /** A command for {@code k} operations. */
    private interface Command {
        List<String> of(int k);
    }

    /**
     * {selector calls, all calls} per operation: strace -c -f of {@code k} and {@code 2k}
     * operations, the difference divided by {@code k} (start-up and shutdown cancel out).
     */
    private static double[] perOp(int k, Command command, List<String> notes) throws IOException, InterruptedException {
        long[] one = strace(command.of(k), notes);
        long[] two = strace(command.of(2 * k), notes);
        if (one == null || two == null) {
            return null;
        }
        return new double[] {(two[0] - one[0]) / (double) k, (two[1] - one[1]) / (double) k};
    }

    /** {selector calls, all calls} of one run under {@code strace -c -f}, or null if strace failed. */
    private static long[] strace(List<String> command, List<String> notes) throws IOException, InterruptedException {
        Path out = Files.createTempFile("strace", ".txt");
        List<String> cmd = new ArrayList<>(List.of("strace", "-c", "-f", "-o", out.toString()));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            notes.add("strace failed for " + String.join(" ", command.subList(0, Math.min(3, command.size()))) + ": "
                    + text.strip());
            return null;
        }
        long selector = 0;
        long all = 0;
        for (String line : Files.readAllLines(out)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5 || !f[0].matches("[0-9.]+")) {
                continue;
            }
            String name = f[f.length - 1];
            long calls = Long.parseLong(f[3]);
            if (name.equals("total")) {
                all = calls;
            } else if (SELECTOR_CALLS.contains(name)) {
                selector += calls;
            }
        }
        Files.deleteIfExists(out);
        return new long[] {selector, all};
    }

    private static Double get(Map<String, List<Double>> samples, String key) {
        List<Double> xs = samples.get(key);
        return xs == null || xs.isEmpty() ? null : Bench.Report.median(xs);
    }

    private static String report(Map<String, List<Double>> samples, Map<String, double[]> strace, int rounds, int n,
            List<String> notes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | aio4j (ns/op) | aio4j debug (default level) | uvloop | asyncio |\n");
        sb.append("| --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, String> e : FIGURES.entrySet()) {
            String f = e.getKey();
            Double off = get(samples, "off " + f);
            Double dbg = get(samples, "sampled " + f);
            Double uv = get(samples, "uvloop " + f);
            Double py = get(samples, "asyncio " + f);
            sb.append("| ").append(e.getValue()).append(" | ").append(num(off)).append(" | ")
                    .append(num(dbg)).append(ratio(dbg, off, "x off")).append(" | ")
                    .append(num(uv)).append(ratio(uv, off, "x slower than aio4j")).append(" | ")
                    .append(num(py)).append(ratio(py, off, "x slower than aio4j")).append(" |\n");
        }
        sb.append("\nSystem calls per `sleep(0)` (`strace -c -f`, runs of ").append(n).append(" and ").append(2 * n)
                .append(" sleeps, the difference divided by ").append(n).append("):\n\n");
        sb.append("| loop | selector calls (epoll_wait …) per op | all system calls per op |\n| --- | --- | --- |\n");
        for (Map.Entry<String, double[]> e : strace.entrySet()) {
            double[] v = e.getValue();
            sb.append("| ").append(e.getKey()).append(" | ")
                    .append(v == null ? "failed" : String.format(Locale.ROOT, "%.4f", v[0])).append(" | ")
                    .append(v == null ? "failed" : String.format(Locale.ROOT, "%.4f", v[1])).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nMedian of %d round(s) (JMH: the median of each run's iterations; Python: "
                + "the median of 5 measurements, 3 for the 5 M case); each ratio compares figures of the same run.%n", rounds));
        for (String note : notes) {
            sb.append("- ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static String num(Double v) {
        return v == null ? "skipped" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(Double v, Double base, String what) {
        return v == null || base == null ? "" : String.format(Locale.ROOT, " (%.2f%s)", v / base, what);
    }

    private static void write(Path results, String table) throws IOException {
        String section = BEGIN + "\n## Loop vs uvloop and asyncio (issue 13's figures)\n\nMeasured " + LocalDate.now()
                + " with `./run bench loop-vs-uvloop` (JDK " + Runtime.version().feature() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, parallel GC).\n\n" + table + END;
        String text = Files.readString(results);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        text = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + END.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(results, text);
        System.out.println("wrote " + results);
    }
}
