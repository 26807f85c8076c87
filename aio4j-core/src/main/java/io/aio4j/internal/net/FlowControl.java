package io.aio4j.internal.net;

import io.aio4j.internal.log.AioLogger;
/**
 * asyncio's write flow control shared by the transports (and aio4j-test's in-memory
 * {@code TestTransport}): default water marks and checks (the protocol calls: {@link ProtocolCalls}).
 */
public final class FlowControl {
    public static final int DEFAULT_HIGH = 64 * 1024;
    public static final int DEFAULT_LOW = 16 * 1024;
    private static final int WARN_AFTER_WRITES = 5;
    private static final System.Logger LOG = AioLogger.LOG;

    private FlowControl() {
    }

    /**
     * Counts a write dropped because the transport is closed ({@code count} so far) and warns,
     * as asyncio does, from the fifth on: such writes are a bug in the caller, never an error
     * thrown at it later. Returns the new count.
     */
    public static int writeAfterClose(int count) {
        int n = count + 1;
        if (n >= WARN_AFTER_WRITES) {
            LOG.log(System.Logger.Level.WARNING, "socket.send() raised exception.");
        }
        return n;
    }

    /** {@code setWriteBufferLimits}' check: {@code high >= low >= 0}, else {@link IllegalArgumentException}. */
    public static void checkLimits(int high, int low) {
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
    }
}
