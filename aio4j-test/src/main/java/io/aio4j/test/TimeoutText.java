package io.aio4j.test;

import io.aio4j.internal.time.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link AioTest#timeoutDuration()}: a duration written with its unit, in seconds. */
final class TimeoutText {
    private static final Pattern JUNIT_STYLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|μs|us|ms|s|m|h|d)?");

    private TimeoutText() {
    }

    /**
     * The seconds {@code text} names; +Infinity from 292 years on.
     *
     * @throws IllegalArgumentException {@code "@AioTest timeoutDuration is not a duration: 'soon' …"}
     */
    static double seconds(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Durations.toSeconds(Duration.parse(t.toUpperCase(Locale.ROOT)), "timeoutDuration");
            } catch (DateTimeParseException e) {
                if (e.getCause() instanceof ArithmeticException && !t.contains("-")) {
                    // More seconds than a Duration holds: as good as forever.
                    return Double.POSITIVE_INFINITY;
                }
                throw invalid(text, e);
            }
        }
        Matcher m = JUNIT_STYLE.matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(text, null);
        }
        ChronoUnit unit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ns" -> ChronoUnit.NANOS;
            case "μs", "us" -> ChronoUnit.MICROS;
            case "ms" -> ChronoUnit.MILLIS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            default -> ChronoUnit.SECONDS;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit.getDuration().toNanos()));
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
        if (secondsAndNanos[0].compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        Duration d = Duration.ofSeconds(secondsAndNanos[0].longValue(), secondsAndNanos[1].longValue());
        return Durations.toSeconds(d, "timeoutDuration");
    }

    private static IllegalArgumentException invalid(String text, Exception cause) {
        return new IllegalArgumentException("@AioTest timeoutDuration is not a duration: '" + text
                + "' (write e.g. \"500ms\", \"30s\", \"2m\" or ISO-8601 \"PT1M\")", cause);
    }
}
