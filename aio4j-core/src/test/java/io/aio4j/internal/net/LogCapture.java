package io.aio4j.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the JUL records of the {@code aio4j} logger (where System.Logger goes by default). */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("aio4j");
    private final Level previous;
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    synchronized List<String> messages() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            out.add(r.getMessage());
        }
        return out;
    }

    /** The first message containing {@code text}, or null. */
    synchronized LogRecord find(String text) {
        for (LogRecord r : records) {
            if (r.getMessage() != null && r.getMessage().contains(text)) {
                return r;
            }
        }
        return null;
    }

    /** Every record whose message contains {@code text}. */
    synchronized List<LogRecord> all(String text) {
        List<LogRecord> out = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getMessage() != null && r.getMessage().contains(text)) {
                out.add(r);
            }
        }
        return out;
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
