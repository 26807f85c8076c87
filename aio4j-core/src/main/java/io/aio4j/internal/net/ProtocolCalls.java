package io.aio4j.internal.net;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.net.Protocol;

/**
 * Calls into a user's protocol from a transport, on the loop thread, where an exception the
 * protocol throws must neither escape into the transport's machinery nor be lost: it goes to
 * the loop's exception handler with the transport and the protocol, and the transport carries
 * on. (Errors that end the connection are each transport's {@code fatalError}.)
 */
public final class ProtocolCalls {
    private static final System.Logger LOG = AioLogger.LOG;

    private ProtocolCalls() {
    }

    /** Runs {@code call}; if it throws, reports {@code failure} (asyncio's text) for {@code transport} and {@code protocol}. */
    public static void callSafely(EventLoop loop, String failure, Object transport, Object protocol, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            loop.callExceptionHandler(ExceptionContext.forTransport(failure, t, transport, protocol));
        }
    }

    /** Write flow control: the buffer went over the high-water mark ({@code protocol.pauseWriting()}). */
    public static void pauseWriting(EventLoop loop, Object transport, Protocol protocol) {
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, protocol + " pauses writing");
        }
        callSafely(loop, "protocol.pauseWriting() failed", transport, protocol, protocol::pauseWriting);
    }

    /** Write flow control: the buffer drained to the low-water mark ({@code protocol.resumeWriting()}). */
    public static void resumeWriting(EventLoop loop, Object transport, Protocol protocol) {
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, protocol + " resumes writing");
        }
        callSafely(loop, "protocol.resumeWriting() failed", transport, protocol, protocol::resumeWriting);
    }
}
