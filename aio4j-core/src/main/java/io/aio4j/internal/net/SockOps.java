package io.aio4j.internal.net;

import io.aio4j.Future;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * asyncio's {@code sock_*} coroutines on non-blocking channels: each tries the operation at once
 * and otherwise waits for readiness through the channel's {@link Readiness}, one waiter per
 * direction. Cancelling the returned future stops waiting; nothing is lost then, as nothing was read.
 */
public final class SockOps {
    private SockOps() {
    }

    /** Up to {@code n} bytes; an empty array at EOF. */
    public static Future<byte[]> recv(SelectorEventLoop loop, SocketChannel ch, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        ByteBuffer buf = ByteBuffer.allocate(n);
        Future<byte[]> result = loop.createFuture();
        recvInto(loop, ch, buf).addDoneCallback(f -> {
            if (result.isDone()) {
                return;
            }
            if (f.isCancelled()) {
                result.cancel();
            } else if (f.exception() != null) {
                result.setException(f.exception());
            } else {
                result.setResult(Arrays.copyOf(buf.array(), buf.position()));
            }
        });
        return result;
    }

    /** Reads into {@code buf}; the count of bytes read, -1 at EOF. */
    public static Future<Integer> recvInto(SelectorEventLoop loop, SocketChannel ch, ByteBuffer buf) {
        Readiness r = Readiness.of(loop, ch);
        Future<Integer> f = loop.createFuture();
        try {
            int n = ch.read(buf);
            if (n != 0 || !buf.hasRemaining()) {
                f.setResult(n);
                return f;
            }
        } catch (IOException e) {
            f.setException(IoErrors.map(e));
            return f;
        }
        Runnable onReadable = new Runnable() {
            @Override
            public void run() {
                try {
                    int n = ch.read(buf);
                    if (n == 0 && buf.hasRemaining()) {
                        return;
                    }
                    r.removeReader(this);
                    f.setResult(n);
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

    /** Sends all of {@code data}'s remaining bytes. */
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

    /** Accepts one connection, returned non-blocking. */
    public static Future<SocketChannel> accept(SelectorEventLoop loop, ServerSocketChannel server) {
        Readiness r = Readiness.of(loop, server);
        Future<SocketChannel> f = loop.createFuture();
        Runnable onAcceptable = new Runnable() {
            @Override
            public void run() {
                try {
                    SocketChannel ch = server.accept();
                    if (ch == null) {
                        return;
                    }
                    r.removeReader(this);
                    ch.configureBlocking(false);
                    f.setResult(ch);
                } catch (IOException e) {
                    r.removeReader(this);
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
