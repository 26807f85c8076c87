package io.aio4j.txaio.internal.log;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * txaio's log levels, most severe first; {@code NONE} enables nothing.
 */
public enum LogLevel {
    NONE(Level.OFF), CRITICAL(Level.ERROR), ERROR(Level.ERROR), WARN(Level.WARNING),
    INFO(Level.INFO), DEBUG(Level.DEBUG), TRACE(Level.TRACE);

    private static final String VALID = "none, critical, error, warn, info, debug, trace";

    private final Level systemLevel;

    LogLevel(Level systemLevel) {
        this.systemLevel = systemLevel;
    }

    /** Returns the {@code System.Logger} level records of this level are logged at. */
    public Level systemLevel() {
        return systemLevel;
    }

    /** Returns true if a record of level {@code record} is emitted when this is the configured level. */
    public boolean enables(LogLevel record) {
        return record != NONE && record.ordinal() <= ordinal();
    }

    /**
     * Returns the level named {@code name}.
     *
     * @throws IllegalArgumentException if it names no level
     */
    public static LogLevel parse(String name) {
        if (name != null) {
            for (LogLevel level : values()) {
                if (level.toString().equals(name)) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("Invalid log level '" + name + "'; valid are: " + VALID);
    }

    /** Returns the txaio name: {@code none}, {@code critical}, … {@code trace}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
