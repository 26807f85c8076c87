package io.aio4j.internal.net;

import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.internal.debug.ResourceWarnings;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.Debug;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.internal.stats.LoopStats;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * asyncio's {@code _SelectorSocketTransport}: a stream connection (TCP or Unix) on a
 * non-blocking {@link SocketChannel}, driven by the loop's selector. Runs on the loop thread only.
 */
public final class SocketTransport implements Transport {
    /*
     * Overview.
     *
     * Reading: while reading is on (not paused, not closing) the channel's Readiness has a
     * reader, which reads into the loop thread's shared direct buffer and hands the protocol a
     * fresh heap copy (a BorrowingProtocol, the stream reader's, copies from that buffer itself).
     * EOF calls eofReceived(); unless it returns true, the transport closes.
     *
     * Writing: write() tries the socket at once when nothing is queued (as asyncio does), and
     * queues a copy of what is left in direct segments (WriteQueue: copied once, where a heap
     * queue was copied again into native memory by the JDK on every attempt); the writer drains
     * the queue with gathering writes. The protocol is paused when the queue grows past `high` and resumed when
     * it falls to `low`.
     * Order is preserved because nothing is written directly while the queue is non-empty.
     *
     * Closing: close() stops reading and calls connectionLost(null) once the queue is empty;
     * abort() and fatal errors drop the queue. Writes after close() are dropped and counted:
     * asyncio warns from the fifth on. connectionLost is always called from a fresh
     * callback, never from inside the caller's write()/close().
     */
    private static final System.Logger LOG = AioLogger.LOG;
    private static final int MAX_READ = 256 * 1024;
    private static final ThreadLocal<ByteBuffer> READ_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_READ));

    private final SelectorEventLoop loop;
    /** The loop's counters a monitor reads: open transports, bytes in and out. */
    private final LoopStats stats;
    private final SocketChannel channel;
    private final Readiness readiness;
    private final SocketAddress sockname;
    private final SocketAddress peername;
    /** What write() accepted and the socket has not taken yet, in direct segments. */
    private final WriteQueue buffer = new WriteQueue();
    private final Runnable onReadable = this::readReady;
    private final Runnable onWritable = this::writeReady;
    private final RealServer server;
    private Protocol protocol;
    private int high = FlowControl.DEFAULT_HIGH;
    private int low = FlowControl.DEFAULT_LOW;
    private boolean protocolPaused;
    private boolean readingPaused;
    private boolean closing;
    private boolean eof;
    private boolean protocolConnected;
    private int connLost;
    private int writesAfterClose;
    /** Debug mode: the "unclosed transport" warning, made if this is collected before it is closed. */
    private final ResourceWarnings.Tracker unclosed;

    /**
     * Wraps a connected channel: schedules {@code connectionMade}, then reading, then the
     * completion of {@code waiter} (may be null), each with {@code callSoon} as asyncio does.
     */
    public SocketTransport(SelectorEventLoop loop, SocketChannel channel, Protocol protocol, Future<Void> waiter,
            RealServer server) {
        this.loop = loop;
        this.stats = loop.probe().stats();
        this.channel = channel;
        this.protocol = protocol;
        this.server = server;
        this.readiness = Readiness.of(loop, channel);
        this.sockname = address(channel, true);
        this.peername = address(channel, false);
        if (server != null) {
            server.attach(this);
        }
        stats.transportOpened();
        // The loop's selector keeps a live transport reachable; this fires for one left open when
        // its loop is closed and dropped (asyncio's usual case too).
        this.unclosed = loop.isDebug()
                ? ResourceWarnings.register(this, "unclosed transport " + this, Debug.captureSource(),
                        loop.owedReports()) : null;
        loop.callSoon(this::connectionMade);
        loop.callSoon(() -> {
            if (!closing && !readingPaused) {
                readiness.setReader(onReadable);
            }
        });
        if (waiter != null) {
            loop.callSoon(() -> {
                waiter.trySetResult(null);
            });
        }
    }

    private void connectionMade() {
        if (closing && connLost > 0) {
            return;
        }
        protocolConnected = true;
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.connectionMade() call failed.");
        }
    }

    /** The protocol receiving this transport's events. */
    public Protocol protocol() {
        return protocol;
    }

    /** Replaces the protocol (TLS upgrade); the new one gets the next events, no connectionMade. */
    public void setProtocol(Protocol protocol) {
        this.protocol = protocol;
        this.protocolConnected = true;
    }

    /** The loop this transport runs on. */
    public SelectorEventLoop loop() {
        return loop;
    }

    // ------------------------------------------------------------------ reading

    private void readReady() {
        if (protocol instanceof BufferedProtocol buffered) {
            readInto(buffered);
            return;
        }
        ByteBuffer buf = READ_BUFFER.get();
        buf.clear();
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            fatalError(e, "Fatal read error on socket transport");
            return;
        }
        if (n == 0) {
            return;
        }
        if (n < 0) {
            readEof();
            return;
        }
        stats.bytesIn(n);
        buf.flip();
        try {
            if (protocol instanceof BorrowingProtocol borrowing) {
                borrowing.dataBorrowed(buf);
            } else {
                byte[] data = new byte[n];
                buf.get(data);
                protocol.dataReceived(ByteBuffer.wrap(data));
            }
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.dataReceived() call failed.");
        }
    }

    private void readEof() {
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + " received EOF");
        }
        boolean keepOpen;
        try {
            keepOpen = protocol.eofReceived();
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        if (keepOpen) {
            readiness.removeReader();
        } else {
            close();
        }
    }

    @Override
    public void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
        readiness.removeReader();
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + " pauses reading");
        }
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        readiness.setReader(onReadable);
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + " resumes reading");
        }
    }

    @Override
    public boolean isReading() {
        return !closing && !readingPaused;
    }

    /** asyncio's {@code _read_ready__get_buffer}: read straight into the protocol's buffer. */
    private void readInto(BufferedProtocol buffered) {
        ByteBuffer into;
        try {
            into = buffered.getBuffer(-1);
            if (into == null || !into.hasRemaining()) {
                throw new IllegalStateException("getBuffer() returned an empty buffer: " + into);
            }
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.getBuffer() call failed.");
            return;
        }
        int n;
        try {
            n = channel.read(into);
        } catch (IOException e) {
            fatalError(e, "Fatal read error on socket transport");
            return;
        }
        if (n == 0) {
            return;
        }
        if (n < 0) {
            readEof();
            return;
        }
        stats.bytesIn(n);
        try {
            buffered.bufferUpdated(n);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.bufferUpdated() call failed.");
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void write(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (connLost > 0 || closing) {
            // Counted apart from connLost: a close still flushing must not look like a lost connection.
            writesAfterClose = FlowControl.writeAfterClose(writesAfterClose);
            return;
        }
        if (!buffer.isEmpty()) {
            // Order: nothing goes to the socket directly while older bytes wait.
            buffer.add(data);
            maybePauseProtocol();
            return;
        }
        try {
            stats.bytesOut(channel.write(data));
        } catch (IOException e) {
            fatalError(e, "Fatal write error on socket transport");
            return;
        }
        if (!data.hasRemaining()) {
            return;
        }
        // What the socket did not take goes to direct segments: copied once, never again on retries.
        buffer.add(data);
        readiness.setWriter(onWritable);
        maybePauseProtocol();
    }

    private void writeReady() {
        if (connLost > 0) {
            return;
        }
        long written;
        try {
            written = buffer.writeTo(channel);
        } catch (IOException e) {
            readiness.removeWriter();
            buffer.clear();
            fatalError(e, "Fatal write error on socket transport");
            return;
        }
        stats.bytesOut(written);
        maybeResumeProtocol();
        if (buffer.isEmpty()) {
            readiness.removeWriter();
            if (closing) {
                connLost++;
                callConnectionLost(null);
            } else if (eof) {
                shutdownOutput();
            }
        }
    }

    @Override
    public void writeEof() {
        if (closing || eof) {
            return;
        }
        eof = true;
        if (buffer.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fatalError(e, "Fatal error on socket transport: shutdownOutput() failed");
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        FlowControl.checkLimits(high, low);
        this.high = high;
        this.low = low;
        maybePauseProtocol();
    }

    @Override
    public int writeBufferSize() {
        return buffer.size();
    }

    private void maybePauseProtocol() {
        if (buffer.size() > high && !protocolPaused) {
            protocolPaused = true;
            ProtocolCalls.pauseWriting(loop, this, protocol);
        }
    }

    private void maybeResumeProtocol() {
        if (protocolPaused && buffer.size() <= low) {
            protocolPaused = false;
            ProtocolCalls.resumeWriting(loop, this, protocol);
        }
    }

    // ------------------------------------------------------------------ closing

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        closeTracker();
        readiness.removeReader();
        if (buffer.isEmpty()) {
            connLost++;
            loop.callSoon(() -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    /** Reports {@code error} (at DEBUG when the peer just went away) and closes at once. */
    public void fatalError(Throwable error, String message) {
        RuntimeException mapped = IoErrors.map(error);
        if (IoErrors.isConnectionLoss(mapped)) {
            if (loop.isDebug()) {
                LOG.log(System.Logger.Level.DEBUG, this + ": " + message, mapped);
            }
        } else {
            loop.callExceptionHandler(ExceptionContext.forTransport(message, mapped, this, protocol));
        }
        forceClose(mapped);
    }

    void forceClose(Throwable error) {
        closeTracker();
        if (connLost > 0) {
            return;
        }
        if (!buffer.isEmpty()) {
            buffer.clear();
            readiness.removeWriter();
        }
        if (!closing) {
            closing = true;
            readiness.removeReader();
        }
        connLost++;
        loop.callSoon(() -> callConnectionLost(error));
    }

    private void closeTracker() {
        if (unclosed != null) {
            unclosed.close();
        }
    }

    private void callConnectionLost(Throwable error) {
        try {
            if (protocolConnected) {
                protocol.connectionLost(error);
            }
        } finally {
            stats.transportClosed();
            Connect.closeQuietly(channel);
            if (server != null) {
                server.detach(this);
            }
        }
    }

    // ------------------------------------------------------------------ info

    @Override
    public Object extraInfo(String name) {
        return switch (name) {
            case "peername" -> peername;
            case "sockname" -> sockname;
            case "socket" -> channel;
            default -> null;
        };
    }

    private static SocketAddress address(SocketChannel ch, boolean local) {
        try {
            return local ? ch.getLocalAddress() : ch.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<SocketTransport");
        if (!channel.isOpen()) {
            sb.append(" closed");
        } else if (closing) {
            sb.append(" closing");
        }
        sb.append(" local=").append(sockname).append(" remote=").append(peername);
        if (channel.isOpen()) {
            sb.append(" read=").append(readiness.hasReader() ? "polling" : "idle");
            sb.append(" write=<").append(readiness.hasWriter() ? "polling" : "idle").append(", bufsize=")
                    .append(buffer.size()).append('>');
        }
        return sb.append('>').toString();
    }
}
