package io.aio4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what aio4j logs (System.Logger "aio4j", routed to java.util.logging by default). */
public final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger("aio4j");
    private final Level previous = logger.getLevel();
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (records) {
                records.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** The messages logged so far, with their level: "WARNING: Executing …". */
    public List<String> lines() {
        synchronized (records) {
            return records.stream().map(r -> r.getLevel() + ": " + r.getMessage()).toList();
        }
    }

    /** The records logged so far. */
    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** The records whose message contains {@code text}, in order. */
    public List<LogRecord> all(String text) {
        return records().stream().filter(r -> r.getMessage() != null && r.getMessage().contains(text)).toList();
    }

    /** The first record whose message contains {@code text}, or null. */
    public LogRecord find(String text) {
        List<LogRecord> found = all(text);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The messages logged at {@code level}, in order. */
    public List<String> messages(Level level) {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
        }
    }

    /** The first message logged at {@code level} that starts with {@code prefix}, or null. */
    public String first(Level level, String prefix) {
        return messages(level).stream().filter(m -> m.startsWith(prefix)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }
}
