package io.aio4j.stream;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.internal.Sneaky;
import io.aio4j.internal.debug.OwedReports;
import io.aio4j.internal.debug.ResourceWarnings;
import io.aio4j.internal.loop.Debug;
import io.aio4j.net.Transport;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsOptions;
import java.nio.ByteBuffer;

/**
 * asyncio's {@code StreamWriter}: the sending half of a stream connection. {@link #write} never
 * blocks (it buffers); {@link #drain()} is where a writing task waits for the buffer to go
 * below the transport's low-water mark, and where it learns that the connection failed.
 *
 * <p>It is {@link AutoCloseable}: {@code try (StreamWriter w = pair.writer()) { … }} closes the
 * connection as {@link #close()} does (flush, then close, without waiting); debug mode's
 * {@code unclosed <StreamWriter …>} warning is then owed no more.
 */
public final class StreamWriter implements AutoCloseable {
    private final StreamReaderProtocol protocol;
    private final StreamReader reader;
    private final EventLoop loop;
    private Transport transport;
    /** Debug mode: the "unclosed <StreamWriter …>" warning, made if this is collected before it is closed. */
    private final ResourceWarnings.Tracker unclosed;

    StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader, EventLoop loop) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
        this.loop = loop;
        this.unclosed = loop.isDebug() ? ResourceWarnings.register(this, "unclosed " + this, Debug.captureSource(),
                OwedReports.of(loop)) : null;
        protocol.writerMade(this);
    }

    /** The connection is gone (closed by either side): no warning is owed any more, as in asyncio. */
    void connectionClosed() {
        if (unclosed != null) {
            unclosed.close();
        }
    }

    /** The transport underneath (the TLS one after {@link #startTls}). */
    public Transport transport() {
        return transport;
    }

    /** Buffers {@code data} for sending; follow with {@link #drain()}. */
    public void write(byte[] data) {
        transport.write(data);
    }

    /** Buffers the remaining bytes of {@code data} for sending. */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /** Buffers each chunk in order. */
    public void writeLines(Iterable<byte[]> lines) {
        for (byte[] line : lines) {
            transport.write(line);
        }
    }

    /** Closes the write side after the buffer is flushed. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Whether {@link #writeEof} is supported (not over TLS). */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the connection after flushing; {@link #waitClosed()} waits for it. Closing twice does nothing more. */
    @Override
    public void close() {
        connectionClosed();
        transport.close();
    }

    /** Whether the transport is closing or closed. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /** Suspends until the connection is closed; throws the error it was lost with, if any. */
    public void waitClosed() {
        Aio.await(protocol.closedFuture());
    }

    /** The transport's extra information ({@link Transport#extraInfo}). */
    public Object extraInfo(String name) {
        return transport.extraInfo(name);
    }

    /**
     * Waits until the write buffer is below its low-water mark.
     *
     * @throws io.aio4j.net.ConnectionResetException {@code "Connection lost"} once the connection is gone,
     *     or the reader's stored error when the connection failed
     */
    public void drain() {
        if (reader != null && reader.exception() != null) {
            throw Sneaky.raise(reader.exception());
        }
        if (transport.isClosing()) {
            // Let connectionLost run first if it is already scheduled, as asyncio does.
            Aio.sleep(0);
        }
        protocol.drainHelper();
    }

    /**
     * Upgrades the connection to TLS (asyncio's {@code StreamWriter.start_tls}): drains, then
     * handshakes as the client (or as the server on a server's connection).
     */
    public void startTls(TlsContext context, String serverHostname) {
        drain();
        TlsOptions options = protocol.isServerSide() ? TlsOptions.server(context)
                : TlsOptions.client(context).serverHostname(serverHostname);
        Transport upgraded = Aio.await(loop.startTls(transport, protocol, options));
        transport = upgraded;
        protocol.replaceTransport(upgraded);
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + " reader=" + reader + ">";
    }
}
