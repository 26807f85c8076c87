package io.aio4j.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus text: parsed line by line as a scraper would. */
public class MetricsTest {
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)\\})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Parses the text format: every sample's series (name plus labels) to its value; checks HELP/TYPE come first. */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Set<String> typed = new HashSet<>();
        Map<String, String> types = new HashMap<>();
        assertTrue(text.endsWith("\n"), "the text ends with a line feed");
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                assertEquals(4, p.length, line);
                assertTrue(List.of("counter", "gauge", "summary", "histogram", "untyped").contains(p[3]), line);
                assertTrue(typed.add(p[2]), "TYPE twice: " + line);
                types.put(p[2], p[3]);
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: '" + line + "'");
            String name = m.group(1);
            String family = name.replaceFirst("_(sum|count)$", "");
            assertTrue(typed.contains(name) || typed.contains(family), "sample before its TYPE: " + line);
            if (types.getOrDefault(name, "").equals("counter")) {
                assertTrue(name.endsWith("_total"), "counter without _total: " + name);
            }
            double v = switch (m.group(4)) {
                case "NaN" -> Double.NaN;
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(m.group(4));
            };
            String series = name + (m.group(3) == null ? "" : "{" + m.group(3) + "}");
            assertTrue(samples.put(series, v) == null, "series twice: " + series);
        }
        return samples;
    }

    /** The value of a label in a series key. */
    public static String label(String series, String name) {
        Matcher m = LABEL.matcher(series);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            }
        }
        return null;
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\\b\\\"c\\nd", Metrics.label("a\\b\"c\nd"));
        assertEquals("NaN", Metrics.number(Double.NaN));
        assertEquals("12", Metrics.number(12));
        assertEquals("0.25", Metrics.number(0.25));
        assertEquals("+Inf", Metrics.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void aSnapshotWithHostileThreadNamesParses() {
        SlowStep stuck = new SlowStep(0, 1.5, true, null, "t", List.of());
        LoopSnapshot l = new LoopSnapshot(7, "evil \"thread\"\nname\\", "native", "stuck", false, 42, 10, 3, 2, 1, 100, 200,
                5, Map.of("running", 1, "awaiting", 4, "blocked", 0, "ready", 0), 0.001, 0.5, 0.0, new double[60], 9, 0.75, 2,
                List.of(), stuck);
        Map<String, Double> s = parse(Metrics.text(List.of(l), Map.of("result", 3L, "exception", 1L, "cancelled", 2L)));
        String info = s.keySet().stream().filter(k -> k.startsWith("aio4j_loop_info")).findFirst().orElseThrow();
        assertEquals("evil \"thread\"\nname\\", label(info, "thread"));
        assertEquals(42, s.get("aio4j_loop_iterations_total{loop=\"7\"}"));
        assertEquals(1.5, s.get("aio4j_loop_stuck_seconds{loop=\"7\"}"));
        assertEquals(0.5, s.get("aio4j_loop_lag_seconds{loop=\"7\",quantile=\"0.99\"}"));
        assertEquals(9, s.get("aio4j_loop_lag_seconds_count{loop=\"7\"}"));
        assertEquals(4, s.get("aio4j_tasks{loop=\"7\",state=\"awaiting\"}"));
        assertEquals(200, s.get("aio4j_loop_sent_bytes_total{loop=\"7\"}"));
        assertEquals(2, s.get("aio4j_tasks_terminated_total{outcome=\"cancelled\"}"));
    }
}
