package io.aio4j.stream;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * asyncio's {@code StreamReaderProtocol} (with its {@code FlowControlMixin}): adapts the
 * protocol callbacks to a {@link StreamReader}, tracks write flow control for
 * {@link StreamWriter#drain()}, and on a server starts the handler's task per connection.
 */
final class StreamReaderProtocol implements Protocol {
    private final EventLoop loop;
    private final StreamHandler handler;
    private final ArrayDeque<Future<Void>> drainWaiters = new ArrayDeque<>();
    private final Future<Void> closed;
    private StreamReader reader;
    private StreamWriter writer;
    private Transport transport;
    private boolean overTls;
    private boolean paused;
    private boolean connectionLost;

    StreamReaderProtocol(StreamReader reader, StreamHandler handler, EventLoop loop) {
        this.reader = reader;
        this.handler = handler;
        this.loop = loop;
        this.closed = loop.createFuture();
        // A closed stream that nobody waits for is normal: mark its error as retrieved.
        closed.addDoneCallback(f -> {
            if (!f.isCancelled()) {
                f.exception();
            }
        });
    }

    boolean isServerSide() {
        return handler != null;
    }

    Future<Void> closedFuture() {
        return closed;
    }

    void replaceTransport(Transport t) {
        transport = t;
        if (reader != null) {
            reader.setTransport(t);
        }
        overTls = t.extraInfo("sslcontext") != null;
    }

    /**
     * A writer was made on this protocol's connection (a client's, a pipe's): it is told when the
     * connection is gone, as the server's own writer is, so that it owes no "unclosed" warning.
     */
    void writerMade(StreamWriter w) {
        if (writer == null) {
            writer = w;
            if (connectionLost) {
                w.connectionClosed();
            }
        }
    }

    @Override
    public void connectionMade(Transport t) {
        replaceTransport(t);
        if (handler == null) {
            return;
        }
        writer = new StreamWriter(t, this, reader, loop);
        StreamReader r = reader;
        StreamWriter w = writer;
        Task<Void> task = loop.createTask(() -> {
            handler.handle(r, w);
            return null;
        });
        task.addDoneCallback(done -> {
            if (done.isCancelled()) {
                t.close();
                return;
            }
            Throwable error = done.exception();
            if (error != null) {
                loop.callExceptionHandler(ExceptionContext.forTransport("Unhandled exception in client_connected_cb",
                        error, t, this));
                t.close();
            }
        });
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (reader != null) {
            reader.feedData(data);
        }
    }

    @Override
    public boolean eofReceived() {
        if (reader != null) {
            reader.feedEof();
        }
        return !overTls;
    }

    @Override
    public void connectionLost(Throwable error) {
        if (writer != null) {
            writer.connectionClosed();
        }
        if (reader != null) {
            if (error == null) {
                reader.feedEof();
            } else {
                reader.setException(error);
            }
        }
        release(closed, error);
        connectionLost = true;
        paused = false;
        for (Future<Void> w : drainWaiters) {
            release(w, error);
        }
        reader = null;
    }

    @Override
    public void pauseWriting() {
        paused = true;
    }

    private static void release(Future<Void> waiter, Throwable error) {
        if (error == null) {
            waiter.trySetResult(null);
        } else {
            waiter.trySetException(error);
        }
    }

    @Override
    public void resumeWriting() {
        paused = false;
        for (Future<Void> w : drainWaiters) {
            w.trySetResult(null);
        }
    }

    /** Suspends while the transport is paused for writing; throws once the connection is lost. */
    void drainHelper() {
        if (connectionLost) {
            throw new ConnectionResetException("Connection lost");
        }
        if (!paused) {
            return;
        }
        Future<Void> w = loop.createFuture();
        drainWaiters.addLast(w);
        try {
            Aio.await(w);
        } finally {
            drainWaiters.remove(w);
        }
    }

    @Override
    public String toString() {
        return "<StreamReaderProtocol" + (paused ? " paused" : "") + (connectionLost ? " lost" : "") + ">";
    }
}
