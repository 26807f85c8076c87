package io.aio4j.internal.debug;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the records of the {@code aio4j} logger (System.Logger goes to java.util.logging). */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("aio4j");
    private final Level previous = logger.getLevel();
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture() {
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** The messages logged at {@code level}. */
    List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    /** The first message at {@code level} that starts with {@code prefix}, or null. */
    String first(Level level, String prefix) {
        return messages(level).stream().filter(m -> m.startsWith(prefix)).findFirst().orElse(null);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
