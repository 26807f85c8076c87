package io.aio4j.internal.net;

import io.aio4j.ExceptionContext;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.Protocol;

/** asyncio's write flow control shared by the transports: default water marks, checks, and the protocol calls. */
final class FlowControl {
    static final int DEFAULT_HIGH = 64 * 1024;
    static final int DEFAULT_LOW = 16 * 1024;
    private static final int WARN_AFTER_WRITES = 5;
    private static final System.Logger LOG = System.getLogger("aio4j");

    private FlowControl() {
    }

    /**
     * Counts a write dropped because the transport is closed ({@code count} so far) and warns,
     * as asyncio does, from the fifth on: such writes are a bug in the caller, never an error
     * thrown at it later. Returns the new count.
     */
    static int writeAfterClose(int count) {
        int n = count + 1;
        if (n >= WARN_AFTER_WRITES) {
            LOG.log(System.Logger.Level.WARNING, "socket.send() raised exception.");
        }
        return n;
    }

    static void checkLimits(int high, int low) {
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
    }

    static void pauseWriting(SelectorEventLoop loop, Object transport, Protocol protocol) {
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, protocol + " pauses writing");
        }
        try {
            protocol.pauseWriting();
        } catch (Throwable t) {
            loop.callExceptionHandler(new ExceptionContext("protocol.pauseWriting() failed", t, null, null, null,
                    transport, protocol, null));
        }
    }

    static void resumeWriting(SelectorEventLoop loop, Object transport, Protocol protocol) {
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, protocol + " resumes writing");
        }
        try {
            protocol.resumeWriting();
        } catch (Throwable t) {
            loop.callExceptionHandler(new ExceptionContext("protocol.resumeWriting() failed", t, null, null, null,
                    transport, protocol, null));
        }
    }
}
