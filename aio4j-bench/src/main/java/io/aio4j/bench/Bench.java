package io.aio4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code ./run bench [rounds]}: the loop benchmarks side by side ({@code ./run bench loop-vs-uvloop}:
 * issue 13's figures, see {@link LoopVsUvloop}). Each round runs aio4j and
 * Netty (JMH, {@link LoopBench}) and then CPython asyncio and uvloop (python/loop_bench.py) on
 * the same algorithms; the medians over the rounds and the ratios go to RESULTS.md.
 */
public final class Bench {
    private static final List<String> CASES = List.of("callSoon", "taskSwitch", "sleepZero");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("loop-vs-uvloop")) {
            LoopVsUvloop.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = findBenchDir();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String python = Python.find(notes);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("== round %d/%d: aio4j + Netty (JMH)%n", round, rounds);
            runJmh(samples);
            if (python != null) {
                for (String flavour : List.of("asyncio", "uvloop")) {
                    System.out.printf("== round %d/%d: CPython %s%n", round, rounds, flavour);
                    Python.run(python, root.resolve("python/loop_bench.py"), flavour, samples, notes);
                }
            }
        }
        String table = Report.table(samples, rounds, notes);
        System.out.println(table);
        Report.write(root.resolve("RESULTS.md"), table, "./run bench " + rounds, LocalDate.now().toString());
    }

    private static void runJmh(Map<String, List<Double>> samples) throws RunnerException {
        Options opts = new OptionsBuilder().include(LoopBench.class.getName() + "\\.").build();
        for (RunResult r : new Runner(opts).run()) {
            String bench = r.getParams().getBenchmark();
            String name = bench.substring(bench.lastIndexOf('.') + 1);
            String mode = r.getParams().getParam("mode");
            if (name.equals("rawParkUnpark") && !"native".equals(mode)) {
                continue;
            }
            String key = name.equals("nettyExecute") ? "netty callSoon" : "aio4j-" + mode + " " + name;
            // The median of the iterations: robust to a neighbour's burst of CPU on a shared 2-core machine.
            samples.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getPrimaryResult().getStatistics().getPercentile(50));
        }
    }

    /** The aio4j-bench directory of the checkout this runs from. */
    static Path benchDir() {
        return findBenchDir();
    }

    private static Path findBenchDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("aio4j-bench/python"))) {
                return p.resolve("aio4j-bench");
            }
            if (Files.isDirectory(p.resolve("python")) && p.getFileName().toString().equals("aio4j-bench")) {
                return p;
            }
        }
        throw new IllegalStateException("run from the aio4j checkout (aio4j-bench/python not found from " + here + ")");
    }

    /** The CPython side: finds an interpreter with uvloop if possible, runs the script. */
    static final class Python {
        private Python() {
        }

        static String find(List<String> notes) throws IOException, InterruptedException {
            for (String candidate : List.of("/usr/bin/python3", "python3")) {
                if (exitCode(candidate, "-c", "import asyncio") != 0) {
                    continue;
                }
                if (exitCode(candidate, "-c", "import uvloop") != 0) {
                    notes.add(candidate + " has no uvloop (Debian: apt-get install python3-uvloop): uvloop column skipped");
                }
                return candidate;
            }
            notes.add("python3 not found: the asyncio and uvloop columns are skipped");
            System.out.println("bench: python3 not found, skipping the CPython peers");
            return null;
        }

        static void run(String python, Path script, String flavour, Map<String, List<Double>> samples, List<String> notes)
                throws IOException, InterruptedException {
            if (flavour.equals("uvloop") && exitCode(python, "-c", "import uvloop") != 0) {
                return;
            }
            Process p = new ProcessBuilder(python, script.toString(), flavour, "5").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                notes.add(flavour + " run failed: " + out.strip());
                return;
            }
            for (String line : out.strip().split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && CASES.contains(parts[0])) {
                    samples.computeIfAbsent(flavour + " " + parts[0], k -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
                }
            }
        }

        private static int exitCode(String... cmd) throws InterruptedException {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /** The RESULTS.md table: medians in ns per operation, and each peer's ratio to aio4j native. */
    static final class Report {
        private static final String BEGIN = "<!-- loop-bench:begin -->";
        private static final String END = "<!-- loop-bench:end -->";

        private Report() {
        }

        static double median(List<Double> xs) {
            double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        }

        static String table(Map<String, List<Double>> samples, int rounds, List<String> notes) {
            StringBuilder sb = new StringBuilder();
            sb.append("| case | aio4j native | aio4j compat | Netty DefaultEventLoop | CPython asyncio | uvloop |\n");
            sb.append("| --- | --- | --- | --- | --- | --- |\n");
            for (String c : CASES) {
                Double base = get(samples, "aio4j-native " + c);
                sb.append("| ").append(c).append(" (ns/op) | ");
                sb.append(cell(get(samples, "aio4j-native " + c), null)).append(" | ");
                sb.append(cell(get(samples, "aio4j-compat " + c), base)).append(" | ");
                sb.append(c.equals("callSoon") ? cell(get(samples, "netty callSoon"), base) : "n/a").append(" | ");
                sb.append(cell(get(samples, "asyncio " + c), base)).append(" | ");
                sb.append(cell(get(samples, "uvloop " + c), base)).append(" |\n");
            }
            Double floor = get(samples, "aio4j-native rawParkUnpark");
            if (floor != null) {
                sb.append(String.format(Locale.ROOT, "%nThe JDK's floor for a switch between two loop-scheduled virtual threads "
                        + "(bare park/unpark, no futures): %.1f ns; aio4j's task switch costs %.2fx that floor.%n",
                        floor, get(samples, "aio4j-native taskSwitch") / floor));
            }
            Double cs = get(samples, "aio4j-native callSoon");
            if (cs != null) {
                sb.append(String.format(Locale.ROOT, "%naio4j native: %.1f M callSoon callbacks/s (target >= 20 M/s); "
                        + "%.0f ns per task switch (target <= 250 ns).%n", 1e3 / cs, get(samples, "aio4j-native taskSwitch")));
            }
            sb.append(String.format(Locale.ROOT, "%nMedian of %d interleaved rounds (JMH: the median of each run's iterations); ratio = peer time / aio4j native time "
                    + "(> 1 means aio4j native is faster).%n", rounds));
            for (String n : notes) {
                sb.append("- ").append(n).append('\n');
            }
            return sb.toString();
        }

        private static Double get(Map<String, List<Double>> samples, String key) {
            List<Double> xs = samples.get(key);
            return xs == null || xs.isEmpty() ? null : median(xs);
        }

        private static String cell(Double v, Double base) {
            if (v == null) {
                return "skipped";
            }
            String s = String.format(Locale.ROOT, "%.1f", v);
            return base == null ? s : s + String.format(Locale.ROOT, " (%.2fx)", v / base);
        }

        static void write(Path results, String table, String command, String date) throws IOException {
            String section = BEGIN + "\n## Loop: callbacks, task switches, sleep(0)\n\nMeasured " + date + " with `" + command
                    + "` (JDK " + Runtime.version().feature() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, parallel GC).\n\n" + table + END;
            String text = Files.exists(results) ? Files.readString(results) : "# aio4j benchmark results\n\n" + BEGIN + END + "\n";
            int b = text.indexOf(BEGIN);
            int e = text.indexOf(END);
            text = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + END.length()) : text + "\n" + section + "\n";
            Files.writeString(results, text);
            System.out.println("wrote " + results + Arrays.toString(new String[0]).replace("[]", ""));
        }
    }
}
