package io.aio4j.txaio.internal.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * After {@code startLogging}, shows records of code that logs through {@code java.util.logging}
 * or {@code System.Logger} (with its default JUL backend) in txaio's line format, as txaio does
 * for Python's {@code logging} module.
 */
final class JulBridge extends Handler {
    private static final Formatter MESSAGES = new SimpleFormatter();

    private JulBridge() {
    }

    /** Adds the bridge to the JUL root logger, at {@code level}. */
    static void install(LogLevel level) {
        Logger.getLogger("").addHandler(new JulBridge());
        follow(level);
    }

    /** Removes the bridge and restores the root level JUL starts with. */
    static void uninstall() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof JulBridge) {
                root.removeHandler(h);
            }
        }
        root.setLevel(Level.INFO);
    }

    /** Makes the JUL root logger create records down to {@code level}. */
    static void follow(LogLevel level) {
        Logger.getLogger("").setLevel(julLevel(level));
    }

    private static Level julLevel(LogLevel level) {
        return switch (level) {
            case NONE -> Level.OFF;
            case CRITICAL, ERROR -> Level.SEVERE;
            case WARN -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.FINE;
            case TRACE -> Level.FINEST;
        };
    }

    private static LogLevel txaioLevel(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        if (value >= Level.FINE.intValue()) {
            return LogLevel.DEBUG;
        }
        return LogLevel.TRACE;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !LogSystem.isEnabled(txaioLevel(record.getLevel()))) {
            return;
        }
        String message = MESSAGES.formatMessage(record);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            message = message + System.lineSeparator() + trace.toString().stripTrailing();
        }
        LogSystem.writeLine(record.getInstant(), message);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
