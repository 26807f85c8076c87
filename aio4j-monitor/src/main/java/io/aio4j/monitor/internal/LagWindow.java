package io.aio4j.monitor.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A loop's lag samples (how late the monitor's probe timer ran, in seconds) over the last
 * minute: percentiles and a per-second series for the chart. Written by the loop (the probe),
 * read by HTTP and JMX threads.
 */
final class LagWindow {
    static final int SECONDS = 60;
    private static final long HORIZON = SECONDS * 1_000_000_000L;

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long count;
    private double sum;

    /** Records {@code lag} seconds measured at {@code atNanos} ({@link System#nanoTime()}). */
    synchronized void add(long atNanos, double lag) {
        samples.addLast(new Sample(atNanos, lag));
        count++;
        sum += lag;
        while (!samples.isEmpty() && atNanos - samples.peekFirst().at > HORIZON) {
            samples.pollFirst();
        }
    }

    /** The {@code q} quantile (0..1) of the last minute's samples, NaN if none. */
    synchronized double quantile(long nowNanos, double q) {
        double[] lags = samples.stream().filter(s -> nowNanos - s.at <= HORIZON).mapToDouble(Sample::lag).toArray();
        if (lags.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(lags);
        int i = (int) Math.ceil(q * lags.length) - 1;
        return lags[Math.max(0, Math.min(lags.length - 1, i))];
    }

    /** The worst lag of each of the last 60 seconds, oldest first; NaN for a second without a sample. */
    synchronized double[] perSecondMax(long nowNanos) {
        double[] series = new double[SECONDS];
        Arrays.fill(series, Double.NaN);
        for (Sample s : samples) {
            long age = (nowNanos - s.at) / 1_000_000_000L;
            if (age >= 0 && age < SECONDS) {
                int i = SECONDS - 1 - (int) age;
                series[i] = Double.isNaN(series[i]) ? s.lag : Math.max(series[i], s.lag);
            }
        }
        return series;
    }

    /** How many samples were taken since the monitor started (for the Prometheus summary). */
    synchronized long count() {
        return count;
    }

    /** Their sum, in seconds. */
    synchronized double sum() {
        return sum;
    }

    private record Sample(long at, double lag) {
    }
}
