package io.aio4j.internal.net;

import io.aio4j.Future;
import io.aio4j.internal.loop.FutureAccess;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * asyncio's {@code sock_*} coroutines on non-blocking channels: each tries the operation at once
 * and otherwise waits for readiness through the channel's {@link Readiness}, one waiter per
 * direction.
 *
 * <p><b>Cancellation loses nothing.</b> The returned future is the operation: cancelling it (or
 * the task awaiting it) removes its reader or writer, and a readiness callback that runs after the
 * cancellation (same iteration) does nothing, as asyncio's {@code if fut.done(): return}. Once the
 * operation did complete, a task cancelled before it took the result does not lose it
 * ({@link FutureAccess#deliverOrRelease}): bytes received go back to the channel for the next
 * {@code sockRecv}, an accepted socket is closed.
 */
public final class SockOps {
    private SockOps() {
    }

    /** Up to {@code n} bytes; an empty array at EOF. */
    public static Future<byte[]> recv(SelectorEventLoop loop, SocketChannel ch, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        Readiness r = Readiness.of(loop, ch);
        ByteBuffer buf = ByteBuffer.allocate(n);
        return read(r, ch, buf, FutureAccess.deliverOrRelease(loop.createFuture(), r::unread), got -> bytesRead(buf, got));
    }

    /** Reads into {@code buf}; the count of bytes read, -1 at EOF. */
    public static Future<Integer> recvInto(SelectorEventLoop loop, SocketChannel ch, ByteBuffer buf) {
        // The bytes are in the caller's buffer as soon as they are read: nothing to release.
        return read(Readiness.of(loop, ch), ch, buf, loop.createFuture(), Integer::valueOf);
    }

    /**
     * One read into {@code buf} completing {@code f} with {@code result} of the count (-1 at EOF):
     * at once if the first attempt completes, else from a reader that removes itself when {@code f}
     * is done, cancelled included, so a cancelled read leaves nothing installed to swallow later bytes.
     */
    private static <T> Future<T> read(Readiness r, SocketChannel ch, ByteBuffer buf, Future<T> f, IntFunction<T> result) {
        Integer now = readNow(r, ch, buf, f);
        if (now != null) {
            f.setResult(result.apply(now));
            return f;
        }
        if (f.isDone()) {
            return f;
        }
        Runnable onReadable = new Runnable() {
            @Override
            public void run() {
                if (f.isDone()) {
                    r.removeReader(this);
                    return;
                }
                try {
                    int got = ch.read(buf);
                    if (got == 0 && buf.hasRemaining()) {
                        return;
                    }
                    r.removeReader(this);
                    f.setResult(result.apply(got));
                } catch (IOException e) {
                    r.removeReader(this);
                    f.setException(IoErrors.map(e));
                }
            }
        };
        r.setReader(onReadable);
        f.addDoneCallback(done -> r.removeReader(onReadable));
        return f;
    }

    /**
     * The first read attempt: kept bytes first, then the channel. The count when the read is
     * complete (kept bytes, data, EOF, or a full buffer), null to wait; on error {@code f} fails.
     */
    private static Integer readNow(Readiness r, SocketChannel ch, ByteBuffer buf, Future<?> f) {
        int kept = r.takeUnread(buf);
        if (kept > 0 || !buf.hasRemaining()) {
            return kept;
        }
        try {
            int n = ch.read(buf);
            return n != 0 ? Integer.valueOf(n) : null;
        } catch (IOException e) {
            f.setException(IoErrors.map(e));
            return null;
        }
    }

    private static byte[] bytesRead(ByteBuffer buf, int count) {
        return count <= 0 ? new byte[0] : Arrays.copyOf(buf.array(), buf.position());
    }

    /**
     * Sends all of {@code data}'s remaining bytes. Cancelled, it stops writing: {@code data}'s
     * position says how much was sent.
     */
    public static Future<Void> sendall(SelectorEventLoop loop, SocketChannel ch, ByteBuffer data) {
        Readiness r = Readiness.of(loop, ch);
        Future<Void> f = loop.createFuture();
        try {
            ch.write(data);
        } catch (IOException e) {
            f.setException(IoErrors.map(e));
            return f;
        }
        if (!data.hasRemaining()) {
            f.setResult(null);
            return f;
        }
        Runnable onWritable = new Runnable() {
            @Override
            public void run() {
                if (f.isDone()) {
                    r.removeWriter(this);
                    return;
                }
                try {
                    ch.write(data);
                    if (data.hasRemaining()) {
                        return;
                    }
                    r.removeWriter(this);
                    f.setResult(null);
                } catch (IOException e) {
                    r.removeWriter(this);
                    f.setException(IoErrors.map(e));
                }
            }
        };
        r.setWriter(onWritable);
        f.addDoneCallback(done -> r.removeWriter(onWritable));
        return f;
    }

    /** Connects {@code ch} to a resolved {@code address}. */
    public static Future<Void> connect(SelectorEventLoop loop, SocketChannel ch, SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.isUnresolved()) {
            throw new IllegalArgumentException("address must be resolved (see getaddrinfo): " + address);
        }
        Readiness r = Readiness.of(loop, ch);
        Future<Void> f = loop.createFuture();
        try {
            if (ch.connect(address)) {
                f.setResult(null);
                return f;
            }
        } catch (IOException e) {
            f.setException(IoErrors.map(e, "Connect call failed " + address));
            return f;
        }
        Runnable onConnectable = new Runnable() {
            @Override
            public void run() {
                if (f.isDone()) {
                    // Cancelled meanwhile (possibly in this very iteration): the caller owns the socket.
                    r.removeWriter(this);
                    return;
                }
                try {
                    if (!ch.finishConnect()) {
                        return;
                    }
                    r.removeWriter(this);
                    f.setResult(null);
                } catch (IOException e) {
                    r.removeWriter(this);
                    f.setException(IoErrors.map(e, "Connect call failed " + address));
                }
            }
        };
        r.setWriter(onConnectable);
        f.addDoneCallback(done -> r.removeWriter(onConnectable));
        return f;
    }

    /** Accepts one connection, returned non-blocking; one accepted for a task cancelled before taking it is closed. */
    public static Future<SocketChannel> accept(SelectorEventLoop loop, ServerSocketChannel server) {
        Readiness r = Readiness.of(loop, server);
        Future<SocketChannel> f = FutureAccess.deliverOrRelease(loop.createFuture(), Connect::closeQuietly);
        Runnable onAcceptable = new Runnable() {
            @Override
            public void run() {
                if (f.isDone()) {
                    // Cancelled meanwhile: the connection stays in the backlog for the next accept.
                    r.removeReader(this);
                    return;
                }
                SocketChannel ch = null;
                try {
                    ch = server.accept();
                    if (ch == null) {
                        return;
                    }
                    r.removeReader(this);
                    ch.configureBlocking(false);
                    f.setResult(ch);
                } catch (IOException e) {
                    r.removeReader(this);
                    if (ch != null) {
                        Connect.closeQuietly(ch);
                    }
                    f.setException(IoErrors.map(e));
                }
            }
        };
        onAcceptable.run();
        if (!f.isDone()) {
            r.setReader(onAcceptable);
            f.addDoneCallback(done -> r.removeReader(onAcceptable));
        }
        return f;
    }
}
