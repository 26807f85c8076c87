package io.aio4j.internal.process;

import io.aio4j.EventLoop;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.Handoff;
import io.aio4j.internal.net.ProtocolCalls;
import io.aio4j.net.BrokenPipeException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * asyncio's write pipe transport over a blocking {@link OutputStream}: {@link #write} queues a
 * copy for a writer thread, so the loop never blocks on a full pipe.
 */
public final class WritePipeTransport implements Transport {
    /*
     * Overview: the loop owns the accounting. write() adds to bufferSize and queues the bytes;
     * the writer thread writes them in order and posts written(n), which subtracts. The protocol
     * is paused when bufferSize goes above the high-water mark and resumed at the low one, the
     * same rule as the socket transports. Two markers end the queue: EOF (flush, close, then
     * connectionLost(null)) and ABORT (close at once; the loop has already reported the loss).
     */
    private static final Object EOF = new Object();
    private static final Object ABORT = new Object();
    private static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;
    private static final System.Logger LOG = AioLogger.LOG;

    private final EventLoop loop;
    private final OutputStream out;
    private final Object pipe;
    private final Runnable interruptor;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    // Loop side only:
    private final Protocol protocol;
    private int high = 64 * 1024;
    private int low = 16 * 1024;
    private int bufferSize;
    private int connLost;
    private boolean protocolPaused;
    private boolean closing;
    private boolean lost;

    /**
     * A transport writing to {@code out} for {@code protocol}. {@code interruptor} (may be null)
     * unblocks a write in progress when the transport is aborted, e.g. by closing a channel.
     */
    public WritePipeTransport(EventLoop loop, OutputStream out, Object pipe, Protocol protocol, Runnable interruptor) {
        this.loop = loop;
        this.out = out;
        this.pipe = pipe;
        this.protocol = protocol;
        this.interruptor = interruptor;
    }

    /** Starts the writer thread. */
    public void start() {
        PumpThreads.start("aio4j-write-pipe", this::pump);
    }

    private void pump() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == ABORT) {
                    closeStream();
                    return;
                }
                if (item == EOF) {
                    out.close();
                    post(() -> connectionLost(null));
                    return;
                }
                byte[] bytes = (byte[]) item;
                out.write(bytes);
                if (queue.isEmpty()) {
                    out.flush();
                }
                post(() -> written(bytes.length));
            }
        } catch (IOException e) {
            closeStream();
            post(() -> onWriteError(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(Runnable r) {
        if (!Handoff.callSoonThreadsafe(loop, r)) {
            closeStream();
        }
    }

    private void closeStream() {
        try {
            out.close();
        } catch (IOException ignored) {
            // The pipe is gone either way.
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        if (closing || lost) {
            if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
                LOG.log(System.Logger.Level.WARNING, "pipe closed by peer or os.write(pipe, data) raised exception.");
            }
            connLost++;
            return;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        bufferSize += copy.length;
        queue.add(copy);
        if (!protocolPaused && bufferSize > high) {
            protocolPaused = true;
            callProtocol(true);
        }
    }

    private void written(int n) {
        if (lost) {
            return;
        }
        bufferSize -= n;
        if (protocolPaused && bufferSize <= low) {
            protocolPaused = false;
            callProtocol(false);
        }
    }

    private void callProtocol(boolean pause) {
        if (pause) {
            ProtocolCalls.pauseWriting(loop, this, protocol);
        } else {
            ProtocolCalls.resumeWriting(loop, this, protocol);
        }
    }

    private void onWriteError(IOException e) {
        if (lost) {
            return;
        }
        // The JDK closes a child's stdin when the child exits ("Stream closed"); the pipe is as gone as on EPIPE.
        RuntimeException error = new BrokenPipeException(e.getMessage() == null ? "Broken pipe" : e.getMessage(), e);
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + ": Fatal write error on pipe transport", error);
        }
        closing = true;
        queue.clear();
        bufferSize = 0;
        loop.callSoon(() -> connectionLost(error));
    }

    /**
     * The reading end is known to be gone (the child exited): like asyncio's write pipe seeing
     * EOF on its fd, an idle transport is closed at once; with bytes still buffered, the writer's
     * failing write reports the broken pipe.
     */
    public void readerGone() {
        if (lost || bufferSize > 0) {
            return;
        }
        abort();
    }

    @Override
    public void writeEof() {
        if (closing) {
            return;
        }
        closing = true;
        queue.add(EOF);
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        writeEof();
    }

    @Override
    public void abort() {
        if (lost) {
            return;
        }
        closing = true;
        queue.clear();
        queue.add(ABORT);
        bufferSize = 0;
        if (interruptor != null) {
            interruptor.run();
        }
        loop.callSoon(() -> connectionLost(null));
    }

    private void connectionLost(Throwable error) {
        if (lost) {
            return;
        }
        lost = true;
        closing = true;
        ProtocolCalls.callSafely(loop, "Exception in callback protocol.connectionLost()", this, protocol,
                () -> protocol.connectionLost(error));
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        this.high = high;
        this.low = low;
        if (!protocolPaused && bufferSize > high) {
            protocolPaused = true;
            callProtocol(true);
        }
    }

    @Override
    public int writeBufferSize() {
        return bufferSize;
    }

    @Override
    public Object extraInfo(String name) {
        return "pipe".equals(name) ? pipe : null;
    }

    @Override
    public void pauseReading() {
        throw new UnsupportedOperationException("a write pipe transport cannot read");
    }

    @Override
    public void resumeReading() {
        throw new UnsupportedOperationException("a write pipe transport cannot read");
    }

    @Override
    public boolean isReading() {
        return false;
    }

    @Override
    public String toString() {
        String state = lost ? "closed" : closing ? "closing" : "open";
        return "<WritePipeTransport " + state + " bufsize=" + bufferSize + " pipe=" + pipe + ">";
    }
}
