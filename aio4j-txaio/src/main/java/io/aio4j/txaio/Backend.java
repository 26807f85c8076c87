package io.aio4j.txaio;

import java.util.Locale;

/**
 * The event frameworks txaio can run on; the name in messages is {@link #toString()}.
 */
public enum Backend {
    /** An aio4j {@code EventLoop}; futures are aio4j {@code Future}s. */
    AIO4J,
    /** A Netty {@code EventLoop} (module {@code aio4j-txaio-netty}); futures are Netty {@code Promise}s. */
    NETTY,
    /** A JDK {@code ScheduledExecutorService}; futures are {@code CompletableFuture}s. */
    JDK;

    /** Returns the lower-case name used in messages: {@code aio4j}, {@code netty} or {@code jdk}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
