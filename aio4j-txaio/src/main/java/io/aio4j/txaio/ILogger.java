package io.aio4j.txaio;

/**
 * A structured logger, made by {@link TxApi#makeLogger()}.
 *
 * <p>The format is a txaio (PEP 3101) template whose placeholders are filled from the
 * key/value arguments, given as alternating {@code String} keys and values:
 * {@code log.info("Got {result} after {tries[0]} tries", "result", r, "tries", list)}.
 * Placeholders may be {@code {name}}, {@code {obj.field}}, {@code {list[2]}} and
 * {@code {map[key]}}; {@code {{} and {@code }}} are literal braces. The keys {@code log_time},
 * {@code log_level}, {@code log_namespace} and {@code log_format} are added. A placeholder that
 * cannot be resolved is printed as written; logging never throws for it. The message is
 * formatted only if the record is emitted; a method of a level that is not enabled returns at
 * once. Any thread may log.
 */
public interface ILogger {

    /** Logs at level {@code critical}. */
    void critical(String format, Object... keyValues);

    /** Logs at level {@code error}. */
    void error(String format, Object... keyValues);

    /** Logs at level {@code warn}. */
    void warn(String format, Object... keyValues);

    /** Logs at level {@code info}. */
    void info(String format, Object... keyValues);

    /** Logs at level {@code debug}. */
    void debug(String format, Object... keyValues);

    /** Logs at level {@code trace}. */
    void trace(String format, Object... keyValues);

    /**
     * Logs at the named level ({@code critical} … {@code trace}; {@code none} logs nothing).
     *
     * @throws IllegalArgumentException if the level is not a txaio level
     */
    void emit(String level, String format, Object... keyValues);

    /** Returns the namespace records of this logger carry (by default, the creating class's name). */
    String namespace();
}
