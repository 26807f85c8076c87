package io.aio4j.txaio.internal.log;

import io.aio4j.txaio.ILogger;

/**
 * The {@link ILogger} of every backend: a namespace in front of {@link LogSystem}.
 */
public final class RealLogger implements ILogger {
    private final String namespace;

    /** Creates a logger for {@code namespace}. */
    public RealLogger(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace is null or empty: " + namespace);
        }
        this.namespace = namespace;
    }

    @Override
    public void critical(String format, Object... keyValues) {
        LogSystem.log(namespace, LogLevel.CRITICAL, format, keyValues);
    }

    @Override
    public void error(String format, Object... keyValues) {
        LogSystem.log(namespace, LogLevel.ERROR, format, keyValues);
    }

    @Override
    public void warn(String format, Object... keyValues) {
        LogSystem.log(namespace, LogLevel.WARN, format, keyValues);
    }

    @Override
    public void info(String format, Object... keyValues) {
        LogSystem.log(namespace, LogLevel.INFO, format, keyValues);
    }

    @Override
    public void debug(String format, Object... keyValues) {
        LogSystem.log(namespace, LogLevel.DEBUG, format, keyValues);
    }

    @Override
    public void trace(String format, Object... keyValues) {
        LogSystem.log(namespace, LogLevel.TRACE, format, keyValues);
    }

    @Override
    public void emit(String level, String format, Object... keyValues) {
        LogSystem.log(namespace, LogLevel.parse(level), format, keyValues);
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String toString() {
        return "ILogger[" + namespace + "]";
    }
}
