package io.aio4j.txaio.internal.log;

import io.aio4j.internal.log.AioLogger;
import io.aio4j.txaio.internal.Checks;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process-wide txaio log state (level, categories, the stream {@code startLogging} chose) and
 * the path every record takes: level check, then formatting, then the stream or {@code System.Logger}.
 */
public final class LogSystem {
    /*
     * Overview: a logger call reads the volatile level first and returns if the level is off, so
     * a disabled method costs one volatile read. An enabled record is turned into a map of its
     * key/values plus log_time, log_level, log_namespace and log_format, and formatted only when
     * it is really written: to the startLogging stream (one line, a timestamp then the message),
     * or, before startLogging, lazily through System.Logger if that logger wants the level.
     */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private static volatile LogLevel level = LogLevel.INFO;
    private static volatile PrintStream out;
    private static volatile Map<String, String> categories = Map.of();
    private static volatile Clock clock = Clock.systemDefaultZone();
    private static boolean started;

    private LogSystem() {
    }

    /** Starts writing records to {@code stream}; see {@code TxApi.startLogging}. */
    public static synchronized void startLogging(PrintStream stream, String levelName) {
        LogLevel parsed = LogLevel.parse(levelName);
        Checks.notNull(stream, "out");
        if (started) {
            return;
        }
        started = true;
        level = parsed;
        out = stream;
        JulBridge.install(parsed);
    }

    /** Changes the level every logger emits at. */
    public static synchronized void setGlobalLogLevel(String levelName) {
        level = LogLevel.parse(levelName);
        if (started) {
            JulBridge.follow(level);
        }
    }

    /** Returns the level loggers emit at. */
    public static String getGlobalLogLevel() {
        return level.toString();
    }

    /** Adds or replaces log categories. */
    public static synchronized void addLogCategories(Map<String, String> added) {
        Checks.notNull(added, "categories");
        Map<String, String> merged = new HashMap<>(categories);
        added.forEach((name, format) -> {
            Checks.notNull(name, "category name");
            merged.put(name, Checks.notNull(format, "format of category " + name));
        });
        categories = Map.copyOf(merged);
    }

    /** Returns true if records of {@code recordLevel} are currently emitted. */
    public static boolean isEnabled(LogLevel recordLevel) {
        return level.enables(recordLevel);
    }

    /**
     * Emits one record if its level is enabled; formats it only then. Before {@code startLogging}
     * the record goes to {@code logger}, the {@code System.Logger} of the namespace.
     */
    public static void log(String namespace, System.Logger logger, LogLevel recordLevel, String format, Object[] keyValues) {
        if (!level.enables(recordLevel)) {
            return;
        }
        PrintStream stream = out;
        if (stream == null) {
            if (!logger.isLoggable(recordLevel.systemLevel())) {
                return;
            }
            Map<String, Object> record = record(namespace, recordLevel, format, keyValues);
            logger.log(recordLevel.systemLevel(), () -> message(record));
            return;
        }
        Map<String, Object> record = record(namespace, recordLevel, format, keyValues);
        writeLine((Instant) record.get("log_time"), message(record));
    }

    /** Writes one line, {@code 2026-11-22T01:54:16+0000 message}, to the startLogging stream. */
    static void writeLine(Instant time, String message) {
        PrintStream stream = out;
        if (stream == null) {
            return;
        }
        // a formatted traceback ends with a line break of its own: one line break per record
        String line = TIMESTAMP.format(time.atZone(clock.getZone())) + " " + message.stripTrailing() + System.lineSeparator();
        // On an aio4j loop's thread, never blocked by a task holding the stream (see AioLogger).
        AioLogger.write(() -> {
            synchronized (stream) {
                stream.print(line);
                stream.flush();
            }
        });
    }

    private static Map<String, Object> record(String namespace, LogLevel recordLevel, String format, Object[] keyValues) {
        Checks.notNull(format, "format");
        Object[] kv = keyValues == null ? new Object[0] : keyValues;
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("keyValues must alternate keys and values: odd length " + kv.length);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (!(kv[i] instanceof String key)) {
                throw new IllegalArgumentException("keyValues[" + i + "] is not a String key: " + kv[i]);
            }
            record.put(key, kv[i + 1]);
        }
        record.put("log_time", clock.instant());
        record.put("log_level", recordLevel.toString());
        record.put("log_namespace", namespace);
        record.put("log_format", format);
        return record;
    }

    private static String message(Map<String, Object> record) {
        String format = (String) record.get("log_format");
        if (record.get("log_category") instanceof String category) {
            format = categories.getOrDefault(category, format);
        }
        return LogFormatter.format(format, record);
    }

    /** Restores the state of a fresh process, with the given clock; for tests only. */
    public static synchronized void resetForTests(Clock testClock) {
        if (started) {
            JulBridge.uninstall();
        }
        level = LogLevel.INFO;
        out = null;
        categories = Map.of();
        clock = testClock;
        started = false;
    }
}
