package io.aio4j.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.Locale;

/**
 * How a {@link io.aio4j.LoopGroup}'s server spreads connections over its loops.
 */
public enum Balancing {
    /** {@link #REUSE_PORT} on Linux (where the kernel balances {@code SO_REUSEPORT} sockets), {@link #ACCEPTOR} elsewhere. */
    AUTO,
    /**
     * One listening socket per loop, all bound to the same port with {@code SO_REUSEPORT}: the
     * kernel picks a socket per connection by hashing its addresses, so the spread is fair on
     * average (not exact) and accepting costs no hand-over between loops.
     */
    REUSE_PORT,
    /**
     * One listening socket on the first loop, which accepts every connection and hands each to the
     * loops in strict round-robin order (itself included): exact fairness in connection counts, for
     * one thread hop per accepted connection; works on every OS.
     */
    ACCEPTOR;

    /** Whether this JVM's OS balances {@code SO_REUSEPORT} listening sockets (Linux), so {@link #AUTO} picks it. */
    public static boolean reusePortBalances() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") && ReusePort.SUPPORTED;
    }

    /** Whether the JDK supports {@code SO_REUSEPORT} on server sockets here, probed once. */
    private static final class ReusePort {
        static final boolean SUPPORTED = supported();

        private static boolean supported() {
            try (ServerSocketChannel ch = ServerSocketChannel.open()) {
                return ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
