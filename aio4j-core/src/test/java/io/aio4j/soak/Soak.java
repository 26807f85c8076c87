package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.testing.Modes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The suite's sizes and measurements: {@code -Daio4j.soak=full} selects the full sizes (the
 * {@code ./run soak} command), anything else the short ones that {@code ./run test} runs.
 */
final class Soak {
    private Soak() {
    }

    /** Whether this run uses the full sizes. */
    static boolean full() {
        return "full".equalsIgnoreCase(System.getProperty("aio4j.soak"));
    }

    /** {@code full} under {@code ./run soak}, {@code small} otherwise. */
    static int size(int full, int small) {
        return full() ? full : small;
    }

    /** {@code full} under {@code ./run soak}, {@code small} otherwise. */
    static long size(long full, long small) {
        return full() ? full : small;
    }

    /** How long one scenario may take before it counts as hung. */
    static Duration limit() {
        return full() ? Duration.ofMinutes(20) : Duration.ofMinutes(3);
    }

    /** {@code native} or {@code compat}: the mode the loops of this JVM run their tasks in. */
    static String mode() {
        return Modes.nativeMode() ? "native" : "compat";
    }

    /** The number of open descriptors of this process ({@code /proc/self/fd}), or -1 where there is none. */
    static int openDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fds)) {
            return (int) s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Used heap in bytes after full collections: {@code System.gc()} until two readings in a row
     * agree within 1 %, at most eight times (the method the figures in docs/reliability.md name).
     */
    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long used = rt.totalMemory() - rt.freeMemory();
            if (Math.abs(used - last) < Math.max(last / 100, 64 * 1024)) {
                return used;
            }
            last = used;
        }
        return last;
    }

    /**
     * Prints one parseable line of figures: {@code soak: scenario=<name> mode=<mode> size=<full|short> k=v …}.
     */
    static void report(String scenario, Map<String, ?> figures) {
        StringBuilder line = new StringBuilder("soak: scenario=").append(scenario)
                .append(" mode=").append(mode()).append(" size=").append(full() ? "full" : "short");
        figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
    }

    /** An ordered map of figures: {@code figures("bytes", 1, "seconds", 2.0)}. */
    static Map<String, Object> figures(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            m.put((String) keysAndValues[i], v instanceof Double d ? String.format("%.3f", d) : v);
        }
        return m;
    }

    /** This process's soft limit on open descriptors ({@code /proc/self/limits}), or 1024 when unknown. */
    static int softDescriptorLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Integer.MAX_VALUE : Integer.parseInt(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 1024;
        }
        return 1024;
    }

    /**
     * Fails unless the running loop still runs callbacks: a callback scheduled now completes a
     * future the caller awaits (the "loop alive" check after every fault).
     */
    static void assertLoopAlive() {
        EventLoop loop = Aio.getRunningLoop();
        Future<String> f = loop.createFuture();
        loop.callSoon(() -> f.setResult("alive"));
        assertEquals("alive", Aio.await(f));
        assertTrue(loop.isRunning());
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
