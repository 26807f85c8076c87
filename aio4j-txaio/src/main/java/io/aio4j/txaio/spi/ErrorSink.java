package io.aio4j.txaio.spi;

/**
 * Where a backend without a loop exception handler (JDK, Netty) sends the exceptions of timer
 * calls and cancellers.
 */
@FunctionalInterface
public interface ErrorSink {

    /** The default: an ERROR record on the {@code System.Logger} named {@code io.aio4j.txaio}. */
    ErrorSink LOG = (message, error) ->
            System.getLogger("io.aio4j.txaio").log(System.Logger.Level.ERROR, message, error);

    /** Handles one exception nobody else caught. */
    void report(String message, Throwable error);
}
