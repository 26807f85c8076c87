package io.aio4j.internal.process;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.Handoff;
import io.aio4j.internal.net.IoErrors;
import io.aio4j.internal.net.ProtocolCalls;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/**
 * asyncio's read pipe transport over a blocking {@link InputStream}: a pump thread reads and
 * hands each chunk to the loop, which calls the protocol.
 */
public final class ReadPipeTransport implements Transport {
    /*
     * Overview: the pump reads at most CHUNK bytes at a time and posts each chunk with
     * callSoonThreadsafe, so chunks reach the protocol in the order they were read. Flow control
     * is a credit per chunk: the pump takes one before each read, the loop gives it back when the
     * chunk has gone to the protocol. While the transport is paused, arriving chunks are held on
     * the loop side and their credits stay taken, so at most CREDITS chunks wait in memory and
     * the pump then blocks, which in turn blocks the writer at the far end of the pipe.
     */
    private static final int CHUNK = 64 * 1024;
    private static final int CREDITS = 4;
    private static final System.Logger LOG = AioLogger.LOG;

    private final EventLoop loop;
    private final InputStream in;
    private final Object pipe;
    private final Semaphore credits = new Semaphore(CREDITS);
    private volatile boolean closing;
    // Loop side only:
    private final Protocol protocol;
    private final ArrayDeque<ByteBuffer> held = new ArrayDeque<>();
    private boolean eofHeld;
    private boolean paused;
    private boolean lost;

    /** A transport reading {@code in} for {@code protocol}; {@code pipe} is what {@code extraInfo("pipe")} returns. */
    public ReadPipeTransport(EventLoop loop, InputStream in, Object pipe, Protocol protocol) {
        this.loop = loop;
        this.in = in;
        this.pipe = pipe;
        this.protocol = protocol;
    }

    /** Starts the pump; call once, after the protocol's {@code connectionMade} is scheduled. */
    public void start() {
        PumpThreads.start("aio4j-read-pipe", this::pump);
    }

    private void pump() {
        try {
            while (true) {
                credits.acquire();
                if (closing) {
                    return;
                }
                byte[] buf = new byte[CHUNK];
                int n = in.read(buf);
                if (closing) {
                    return;
                }
                if (n < 0) {
                    post(this::onEof);
                    return;
                }
                // Small reads are common (a line of output): do not keep 64 KiB for each.
                ByteBuffer chunk = ByteBuffer.wrap(n < CHUNK / 4 ? Arrays.copyOf(buf, n) : buf, 0, n);
                post(() -> onData(chunk));
            }
        } catch (IOException e) {
            if (!closing) {
                post(() -> onError(e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(Runnable r) {
        if (!Handoff.callSoonThreadsafe(loop, r)) {
            closing = true;
            closeStream();
        }
    }

    private void onData(ByteBuffer chunk) {
        if (lost) {
            return;
        }
        if (paused || !held.isEmpty()) {
            held.addLast(chunk);
            return;
        }
        deliver(chunk);
    }

    private void deliver(ByteBuffer chunk) {
        credits.release();
        try {
            protocol.dataReceived(chunk);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.dataReceived() call failed.");
        }
    }

    private void onEof() {
        if (lost) {
            return;
        }
        if (paused || !held.isEmpty()) {
            eofHeld = true;
            return;
        }
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.INFO, this + " was closed by peer");
        }
        closing = true;
        try {
            protocol.eofReceived();
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.eofReceived() call failed.");
            return;
        }
        loop.callSoon(() -> connectionLost(null));
    }

    private void onError(IOException e) {
        if (!lost) {
            fatalError(IoErrors.map(e), "Fatal read error on pipe transport");
        }
    }

    private void fatalError(Throwable error, String message) {
        if (error instanceof IOException || error instanceof java.io.UncheckedIOException) {
            if (loop.isDebug()) {
                LOG.log(System.Logger.Level.DEBUG, this + ": " + message, error);
            }
        } else {
            loop.callExceptionHandler(ExceptionContext.forTransport(message, error, this, protocol));
        }
        close(error);
    }

    /** Hands over the chunks held while paused, then the held EOF, as long as reading stays on. */
    private void drainHeld() {
        while (!paused && !lost && !held.isEmpty()) {
            deliver(held.removeFirst());
        }
        if (!paused && eofHeld && held.isEmpty()) {
            eofHeld = false;
            onEof();
        }
    }

    @Override
    public void pauseReading() {
        if (!isReading()) {
            return;
        }
        paused = true;
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + " pauses reading");
        }
    }

    @Override
    public void resumeReading() {
        if (closing || !paused) {
            return;
        }
        paused = false;
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + " resumes reading");
        }
        // Not inline: the caller may be inside the protocol's own dataReceived.
        loop.callSoon(this::drainHeld);
    }

    @Override
    public boolean isReading() {
        return !paused && !closing;
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        if (!closing) {
            close(null);
        }
    }

    @Override
    public void abort() {
        close();
    }

    private void close(Throwable error) {
        closing = true;
        held.clear();
        eofHeld = false;
        credits.release(CREDITS + 1);
        closeStream();
        loop.callSoon(() -> connectionLost(error));
    }

    private void connectionLost(Throwable error) {
        if (lost) {
            return;
        }
        lost = true;
        ProtocolCalls.callSafely(loop, "Exception in callback protocol.connectionLost()", this, protocol,
                () -> protocol.connectionLost(error));
    }

    private void closeStream() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing more can be read either way.
        }
    }

    /** The protocol receiving the data. */
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Object extraInfo(String name) {
        return "pipe".equals(name) ? pipe : null;
    }

    @Override
    public void write(ByteBuffer data) {
        throw new UnsupportedOperationException("a read pipe transport cannot write");
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("a read pipe transport cannot write");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw new UnsupportedOperationException("a read pipe transport cannot write");
    }

    @Override
    public int writeBufferSize() {
        return 0;
    }

    @Override
    public String toString() {
        String state = lost ? "closed" : closing ? "closing" : paused ? "paused" : "reading";
        return "<ReadPipeTransport " + state + " pipe=" + pipe + ">";
    }
}
