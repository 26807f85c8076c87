package io.aio4j.test;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.debug.OwedReports;
import io.aio4j.internal.debug.ResourceWarnings;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.net.FlowControl;
import io.aio4j.internal.net.ProtocolCalls;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * One end of an in-memory connection made by {@link TestTransports#pair}: a {@link Transport}
 * whose bytes go to the other end's protocol on the loop, with the socket transport's rules
 * (asyncio's {@code _SelectorSocketTransport}):
 *
 * <ul>
 *   <li>{@code connectionMade} is called on the loop's next iteration; written bytes reach the
 *       peer's {@code dataReceived} (or a {@link BufferedProtocol}'s buffer) on a later iteration,
 *       in order, in chunks of at most 256 KiB, while the peer is reading.</li>
 *   <li>Written bytes count in {@link #writeBufferSize()} until the peer has received them (there
 *       is no kernel buffer in between): above the high water mark (64 KiB by default) the
 *       protocol's {@code pauseWriting} is called, at or below the low one (16 KiB)
 *       {@code resumeWriting}. A peer that {@linkplain #pauseReading() pauses reading} makes the
 *       bytes wait, as a full socket does.</li>
 *   <li>{@link #writeEof()}: after the buffered bytes, the peer's {@code eofReceived}; if that
 *       returns false the peer closes itself. {@link #close()}: stops reading, flushes, then
 *       {@code connectionLost(null)} here and an EOF to the peer. {@link #abort()}: drops the
 *       buffer, {@code connectionLost(null)} on the next iteration, EOF to the peer.</li>
 *   <li>Bytes left for a peer that closed are lost as with a reset: this end gets
 *       {@code connectionLost(ConnectionResetException)}. Writes after {@code close} are dropped
 *       (a warning from the fifth on); a write after {@code writeEof} throws.</li>
 *   <li>A protocol callback that throws is a fatal error, reported to the loop's exception
 *       handler ({@code "Fatal error: protocol.dataReceived() call failed."} …), and the transport
 *       is aborted with that error.</li>
 *   <li>{@code extraInfo("peername")}/{@code "sockname"} ({@link #peerAddress()},
 *       {@link #localAddress()}) are the addresses given to {@code pair}; in debug mode an end
 *       left open owes "unclosed transport …" ({@code @AioTest} fails on it).</li>
 * </ul>
 *
 * Loop thread only, like every transport.
 */
public final class TestTransport implements Transport {
    private static final int MAX_CHUNK = 256 * 1024;
    private static final System.Logger LOG = AioLogger.LOG;

    private final EventLoop loop;
    private final String name;
    private final Protocol protocol;
    private final SocketAddress local;
    private final SocketAddress remote;
    private TestTransport peer;

    /** Bytes written and not yet received by the peer. */
    private final ArrayDeque<ByteBuffer> buffer = new ArrayDeque<>();
    private int bufferSize;
    private int high = FlowControl.DEFAULT_HIGH;
    private int low = FlowControl.DEFAULT_LOW;
    private boolean protocolPaused;
    private boolean readingPaused;
    private boolean closing;
    private boolean eofWritten;
    /** An EOF is queued for the peer (writeEof, close, abort), and whether it was delivered. */
    private boolean eofQueued;
    private boolean eofDelivered;
    private boolean deliveryScheduled;
    private boolean protocolConnected;
    /** connectionLost is called or scheduled. */
    private boolean lost;
    private int writesAfterClose;
    private final ResourceWarnings.Tracker unclosed;

    TestTransport(EventLoop loop, String name, Protocol protocol, SocketAddress local, SocketAddress remote) {
        this.loop = loop;
        this.name = name;
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.local = local;
        this.remote = remote;
        this.unclosed = loop.isDebug()
                ? ResourceWarnings.register(this, "unclosed transport " + this, null, OwedReports.of(loop)) : null;
    }

    /** Connects the two ends and schedules both protocols' connectionMade. */
    static void connect(TestTransport a, TestTransport b) {
        a.peer = b;
        b.peer = a;
        a.loop.callSoon(a::connectionMade);
        b.loop.callSoon(b::connectionMade);
    }

    /** The protocol this end delivers to. */
    public Protocol protocol() {
        return protocol;
    }

    /** The other end. */
    public TestTransport peer() {
        return peer;
    }

    private void connectionMade() {
        if (lost) {
            return;
        }
        protocolConnected = true;
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.connectionMade() call failed.");
        }
    }

    // ------------------------------------------------------------------ writing

    @Override
    public void write(ByteBuffer data) {
        if (eofWritten) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (closing || lost) {
            writesAfterClose = FlowControl.writeAfterClose(writesAfterClose);
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        buffer.addLast(copy);
        bufferSize += copy.remaining();
        scheduleDelivery();
        maybePauseProtocol();
    }

    @Override
    public void writeEof() {
        if (closing || eofWritten) {
            return;
        }
        eofWritten = true;
        eofQueued = true;
        scheduleDelivery();
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
        return bufferSize;
    }

    private void maybePauseProtocol() {
        if (bufferSize > high && !protocolPaused) {
            protocolPaused = true;
            ProtocolCalls.callSafely(loop, "protocol.pauseWriting() failed", this, protocol, protocol::pauseWriting);
        }
    }

    private void maybeResumeProtocol() {
        if (protocolPaused && bufferSize <= low) {
            protocolPaused = false;
            ProtocolCalls.callSafely(loop, "protocol.resumeWriting() failed", this, protocol, protocol::resumeWriting);
        }
    }

    private void scheduleDelivery() {
        if (!deliveryScheduled && peer != null) {
            deliveryScheduled = true;
            loop.callSoon(this::deliver);
        }
    }

    /** On the loop: hands the buffered bytes, then the EOF, to the peer while it reads. */
    private void deliver() {
        deliveryScheduled = false;
        if (peer.closing || peer.lost) {
            if (!buffer.isEmpty()) {
                buffer.clear();
                bufferSize = 0;
                if (!lost) {
                    forceClose(new ConnectionResetException("Connection reset by peer"));
                }
            }
            finishIfClosing();
            return;
        }
        if (peer.readingPaused) {
            // The bytes and the EOF wait for the peer to read; an empty buffer closes at once (the FIN waits too).
            finishIfClosing();
            return;
        }
        if (!buffer.isEmpty()) {
            byte[] chunk = takeChunk();
            bufferSize -= chunk.length;
            peer.receive(chunk);
            maybeResumeProtocol();
            if (!buffer.isEmpty()) {
                scheduleDelivery();
                return;
            }
        }
        finishIfClosing();
        if (eofQueued && !eofDelivered && !peer.lost && !peer.closing) {
            eofDelivered = true;
            peer.receiveEof();
        }
    }

    private void finishIfClosing() {
        if (closing && !lost && buffer.isEmpty()) {
            lost = true;
            loop.callSoon(() -> callConnectionLost(null));
        }
    }

    private byte[] takeChunk() {
        int n = Math.min(bufferSize, MAX_CHUNK);
        byte[] chunk = new byte[n];
        int at = 0;
        while (at < n) {
            ByteBuffer first = buffer.peekFirst();
            int k = Math.min(first.remaining(), n - at);
            first.get(chunk, at, k);
            at += k;
            if (!first.hasRemaining()) {
                buffer.pollFirst();
            }
        }
        return chunk;
    }

    // ------------------------------------------------------------------ reading (bytes from the peer)

    private void receive(byte[] chunk) {
        if (protocol instanceof BufferedProtocol buffered) {
            receiveInto(buffered, chunk);
            return;
        }
        try {
            protocol.dataReceived(ByteBuffer.wrap(chunk));
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.dataReceived() call failed.");
        }
    }

    /** asyncio's {@code _read_ready__get_buffer}: as many getBuffer/bufferUpdated rounds as the chunk needs. */
    private void receiveInto(BufferedProtocol buffered, byte[] chunk) {
        int at = 0;
        while (at < chunk.length && !lost) {
            ByteBuffer into;
            try {
                into = buffered.getBuffer(chunk.length - at);
                if (into == null || !into.hasRemaining()) {
                    throw new IllegalStateException("getBuffer() returned an empty buffer: " + into);
                }
            } catch (Throwable t) {
                fatalError(t, "Fatal error: protocol.getBuffer() call failed.");
                return;
            }
            int n = Math.min(into.remaining(), chunk.length - at);
            into.put(chunk, at, n);
            at += n;
            try {
                buffered.bufferUpdated(n);
            } catch (Throwable t) {
                fatalError(t, "Fatal error: protocol.bufferUpdated() call failed.");
                return;
            }
        }
    }

    private void receiveEof() {
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
        if (!keepOpen) {
            close();
        }
    }

    @Override
    public void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        peer.scheduleDelivery();
    }

    @Override
    public boolean isReading() {
        return !closing && !readingPaused;
    }

    // ------------------------------------------------------------------ closing

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        releaseTracker();
        eofQueued = true;
        scheduleDelivery();
        // What the peer still had for us can no longer be read.
        if (peer != null) {
            peer.scheduleDelivery();
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

    private void fatalError(Throwable error, String message) {
        loop.callExceptionHandler(ExceptionContext.forTransport(message, error, this, protocol));
        forceClose(error);
    }

    private void forceClose(Throwable error) {
        releaseTracker();
        if (lost) {
            return;
        }
        closing = true;
        lost = true;
        buffer.clear();
        bufferSize = 0;
        eofQueued = true;
        loop.callSoon(() -> callConnectionLost(error));
        if (peer != null) {
            peer.eofFromAbort();
        }
    }

    /** The peer went away at once: deliver its EOF on the next iteration, as if read. */
    private void eofFromAbort() {
        TestTransport from = peer;
        loop.callSoon(() -> {
            if (!from.eofDelivered && !lost && !closing) {
                from.eofDelivered = true;
                receiveEof();
            }
            // What this end still had for the aborted peer is lost.
            scheduleDelivery();
        });
    }

    private void callConnectionLost(Throwable error) {
        if (protocolConnected) {
            try {
                protocol.connectionLost(error);
            } catch (Throwable t) {
                loop.callExceptionHandler(ExceptionContext.forTransport(
                        "Exception in callback protocol.connectionLost()", t, this, protocol));
            }
        }
    }

    private void releaseTracker() {
        if (unclosed != null) {
            unclosed.close();
        }
    }

    // ------------------------------------------------------------------ info

    @Override
    public Object extraInfo(String name) {
        return switch (name) {
            case "peername" -> remote;
            case "sockname" -> local;
            default -> null;
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TestTransport ").append(name);
        if (lost) {
            sb.append(" closed");
        } else if (closing) {
            sb.append(" closing");
        }
        sb.append(" local=").append(local).append(" remote=").append(remote);
        if (!lost) {
            sb.append(" read=").append(isReading() ? "reading" : "paused");
            sb.append(" bufsize=").append(bufferSize);
        }
        return sb.append('>').toString();
    }
}
