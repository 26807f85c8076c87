package io.aio4j.internal.net;

import io.aio4j.net.AioIOException;
import io.aio4j.net.BrokenPipeException;
import io.aio4j.net.ConnectionAbortedException;
import io.aio4j.net.ConnectionRefusedException;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.InterruptedSystemCallException;
import io.aio4j.net.NoSuchFileOrDirectoryException;
import io.aio4j.net.PermissionException;
import io.aio4j.tls.TlsEofException;
import io.aio4j.tls.TlsException;
import io.aio4j.tls.TlsHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one mapping from the JDK's I/O exceptions to aio4j's typed ones (what Trollius' error
 * wrapping did for Python 2). The JDK reports most socket errors as a bare
 * {@link java.net.SocketException} whose message is the C library's {@code strerror} text, so
 * the message decides when the type does not.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** {@code error} as an unchecked aio4j exception; runtime exceptions and errors pass unchanged. */
    public static RuntimeException map(Throwable error) {
        if (error instanceof RuntimeException r) {
            return r;
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (!(error instanceof IOException io)) {
            return new IllegalStateException(error);
        }
        String msg = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        if (io instanceof SSLHandshakeException) {
            return new TlsHandshakeException(msg, io);
        }
        if (io instanceof SSLException) {
            return msg.contains("close_notify") ? new TlsEofException(msg, io) : new TlsException(msg, io);
        }
        if (io instanceof ConnectException) {
            return new ConnectionRefusedException(msg, io);
        }
        if (io instanceof java.net.PortUnreachableException) {
            // An ICMP "port unreachable" for a connected datagram socket: Python's ConnectionRefusedError.
            return new ConnectionRefusedException("Connection refused (port unreachable)", io);
        }
        if (io instanceof AccessDeniedException) {
            return new PermissionException("Permission denied: " + msg, io);
        }
        if (io instanceof NoSuchFileException) {
            return new NoSuchFileOrDirectoryException("No such file or directory: " + msg, io);
        }
        if (io instanceof ClosedByInterruptException || io instanceof java.io.InterruptedIOException) {
            return new InterruptedSystemCallException(msg, io);
        }
        if (io instanceof ClosedChannelException) {
            return new ConnectionAbortedException("Connection aborted (the channel is closed)", io);
        }
        if (msg.contains("Connection reset")) {
            return new ConnectionResetException(msg, io);
        }
        if (msg.contains("Broken pipe")) {
            return new BrokenPipeException(msg, io);
        }
        if (msg.contains("Connection refused")) {
            return new ConnectionRefusedException(msg, io);
        }
        if (msg.contains("Permission denied")) {
            return new PermissionException(msg, io);
        }
        if (msg.contains("No such file or directory")) {
            return new NoSuchFileOrDirectoryException(msg, io);
        }
        if (msg.contains("Software caused connection abort")) {
            return new ConnectionAbortedException(msg, io);
        }
        return new AioIOException(msg, io);
    }

    /** Like {@link #map(Throwable)}, with {@code context} before the JDK's message (e.g. {@code "Connect call failed /127.0.0.1:80"}). */
    public static RuntimeException map(IOException error, String context) {
        String msg = error.getMessage();
        IOException withContext = error;
        if (error instanceof ConnectException) {
            withContext = new ConnectException(context + ": " + msg);
        } else if (!(error instanceof SSLException) && !(error instanceof ClosedChannelException)
                && !(error instanceof java.nio.file.FileSystemException)) {
            withContext = new java.net.SocketException(context + ": " + msg);
        }
        if (withContext != error) {
            withContext.initCause(error);
        }
        return map(withContext);
    }

    /** Whether {@code error} means the peer went away (logged at DEBUG, not reported as a bug). */
    static boolean isConnectionLoss(Throwable error) {
        return error instanceof BrokenPipeException || error instanceof ConnectionResetException
                || error instanceof ConnectionAbortedException;
    }
}
