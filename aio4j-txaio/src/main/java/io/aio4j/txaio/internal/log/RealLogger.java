package io.aio4j.txaio.internal.log;

import io.aio4j.internal.log.AioLogger;
import io.aio4j.txaio.ILogger;

/**
 * The {@link ILogger} of every backend: a namespace in front of {@link LogSystem}.
 */
public final class RealLogger implements ILogger {
    private final String namespace;
    private final System.Logger systemLogger;

    /** Creates a logger for {@code namespace}. */
    public RealLogger(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace is null or empty: " + namespace);
        }
        this.namespace = namespace;
        // Never blocks an aio4j loop's thread on a handler one of its tasks holds (see AioLogger).
        this.systemLogger = AioLogger.wrap(System.getLogger(namespace));
    }

    @Override
    public void critical(String format, Object... keyValues) {
        LogSystem.log(namespace, systemLogger, LogLevel.CRITICAL, format, keyValues);
    }

    @Override
    public void error(String format, Object... keyValues) {
        LogSystem.log(namespace, systemLogger, LogLevel.ERROR, format, keyValues);
    }

    @Override
    public void warn(String format, Object... keyValues) {
        LogSystem.log(namespace, systemLogger, LogLevel.WARN, format, keyValues);
    }

    @Override
    public void info(String format, Object... keyValues) {
        LogSystem.log(namespace, systemLogger, LogLevel.INFO, format, keyValues);
    }

    @Override
    public void debug(String format, Object... keyValues) {
        LogSystem.log(namespace, systemLogger, LogLevel.DEBUG, format, keyValues);
    }

    @Override
    public void trace(String format, Object... keyValues) {
        LogSystem.log(namespace, systemLogger, LogLevel.TRACE, format, keyValues);
    }

    @Override
    public void emit(String level, String format, Object... keyValues) {
        LogSystem.log(namespace, systemLogger, LogLevel.parse(level), format, keyValues);
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
