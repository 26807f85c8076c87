package io.aio4j.monitor.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code /metrics}: the loops' figures in the Prometheus text exposition format (version 0.0.4).
 * Every series has the label {@code loop} (the loop's id); {@code aio4j_loop_info} carries the
 * thread name and the mode.
 */
final class Metrics {
    /** The content type of the text format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder sb = new StringBuilder(2048);

    private Metrics() {
    }

    /** The text for {@code loops}, plus the terminated-task counts by outcome. */
    static String text(List<LoopSnapshot> loops, Map<String, Long> terminated) {
        Metrics m = new Metrics();
        m.header("aio4j_loop_info", "gauge", "An event loop of this JVM (always 1), with its thread and mode.");
        for (LoopSnapshot l : loops) {
            m.sb.append("aio4j_loop_info{loop=\"").append(l.id()).append("\",thread=\"")
                    .append(label(l.thread() == null ? "" : l.thread())).append("\",mode=\"").append(l.mode())
                    .append("\"} 1\n");
        }
        m.gauge(loops, "aio4j_loop_running", "gauge", "Whether the loop is running (1) or stopped (0).",
                l -> l.state().equals("stopped") ? 0 : 1);
        m.gauge(loops, "aio4j_loop_stuck_seconds", "gauge",
                "How long the current step has held the loop past the slow-step threshold (0 if not stuck).",
                l -> l.stuck() == null ? 0 : l.stuck().seconds());
        m.gauge(loops, "aio4j_loop_iterations_total", "counter", "Iterations the loop has run.", l -> l.iterations());
        m.gauge(loops, "aio4j_loop_ready_callbacks", "gauge", "Callbacks the last iteration ran.", l -> l.ready());
        m.gauge(loops, "aio4j_loop_timers", "gauge", "Timers scheduled on the loop.", l -> l.timers());
        m.gauge(loops, "aio4j_loop_transports", "gauge", "Open socket transports of the loop.", l -> l.transports());
        m.gauge(loops, "aio4j_loop_received_bytes_total", "counter", "Bytes read by the loop's socket transports.",
                l -> l.bytesIn());
        m.gauge(loops, "aio4j_loop_sent_bytes_total", "counter", "Bytes written by the loop's socket transports.",
                l -> l.bytesOut());
        m.gauge(loops, "aio4j_loop_slow_steps_total", "counter",
                "Steps that held the loop past the slow-step threshold since the monitor started.", l -> l.slowStepsTotal());
        m.header("aio4j_loop_lag_seconds", "summary",
                "How late the monitor's probe timer ran on the loop (quantiles over the last minute).");
        for (LoopSnapshot l : loops) {
            String loop = "loop=\"" + l.id() + "\"";
            m.sample("aio4j_loop_lag_seconds{" + loop + ",quantile=\"0.5\"}", l.lagP50());
            m.sample("aio4j_loop_lag_seconds{" + loop + ",quantile=\"0.99\"}", l.lagP99());
            m.sample("aio4j_loop_lag_seconds_sum{" + loop + "}", l.lagSum());
            m.sample("aio4j_loop_lag_seconds_count{" + loop + "}", l.lagCount());
        }
        m.header("aio4j_tasks", "gauge", "Pending tasks of the loop by state.");
        for (LoopSnapshot l : loops) {
            for (Map.Entry<String, Integer> e : l.tasksByState().entrySet()) {
                m.sample("aio4j_tasks{loop=\"" + l.id() + "\",state=\"" + label(e.getKey()) + "\"}", e.getValue());
            }
        }
        m.header("aio4j_tasks_terminated_total", "counter", "Tasks that ended since the monitor started, by outcome.");
        for (String outcome : List.of("result", "exception", "cancelled")) {
            m.sample("aio4j_tasks_terminated_total{outcome=\"" + outcome + "\"}", terminated.getOrDefault(outcome, 0L));
        }
        return m.sb.toString();
    }

    private void gauge(List<LoopSnapshot> loops, String name, String type, String help, ToDoubleFunction<LoopSnapshot> value) {
        header(name, type, help);
        for (LoopSnapshot l : loops) {
            sample(name + "{loop=\"" + l.id() + "\"}", value.applyAsDouble(l));
        }
    }

    private void header(String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String series, double value) {
        sb.append(series).append(' ').append(number(value)).append('\n');
    }

    /** A sample value: integers without a fraction, NaN and infinities as Prometheus spells them. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.9g", v).replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }

    /** A label value escaped as the text format requires: backslash, double quote and line feed. */
    static String label(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
