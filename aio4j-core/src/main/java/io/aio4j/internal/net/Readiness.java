package io.aio4j.internal.net;

import io.aio4j.internal.loop.SelectorEventLoop;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * The one selector attachment of a channel: holds its reader and writer callbacks (asyncio's
 * {@code add_reader}/{@code add_writer} for one fd) and dispatches on the key's ready ops when
 * the loop runs it. The key stays registered, with interest 0 when idle, until the channel is
 * closed: cancelling a key would make the channel unregistrable until the next select.
 */
public final class Readiness implements Runnable {
    private final SelectionKey key;
    private Runnable reader;
    private Runnable writer;
    private int writeOp;
    /** Bytes a cancelled {@code sockRecv} read but could not deliver: the next one returns them first. */
    private byte[] unread;

    private Readiness(SelectionKey key) {
        this.key = key;
    }

    /** The attachment of {@code channel} on {@code loop}'s selector, registering the channel if needed. */
    public static Readiness of(SelectorEventLoop loop, SelectableChannel channel) {
        loop.checkNotClosed();
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("the socket must be non-blocking");
        }
        SelectionKey key = channel.keyFor(loop.selector());
        if (key != null && key.attachment() instanceof Readiness r) {
            return r;
        }
        try {
            key = channel.register(loop.selector(), 0);
        } catch (ClosedChannelException e) {
            throw IoErrors.map(e);
        }
        Readiness r = new Readiness(key);
        key.attach(r);
        return r;
    }

    /** Calls {@code callback} whenever the channel is readable (or acceptable); replaces a previous reader. */
    public void setReader(Runnable callback) {
        reader = callback;
        update();
    }

    /** Calls {@code callback} whenever the channel is writable (or, while connecting, connectable). */
    public void setWriter(Runnable callback) {
        SelectableChannel ch = key.channel();
        writeOp = ch instanceof SocketChannel sc && sc.isConnectionPending() ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
        writer = callback;
        update();
    }

    /** Removes the reader; returns whether there was one. */
    public boolean removeReader() {
        boolean had = reader != null;
        reader = null;
        update();
        return had;
    }

    /** Removes the writer; returns whether there was one. */
    public boolean removeWriter() {
        boolean had = writer != null;
        writer = null;
        update();
        return had;
    }

    /** Removes the reader if it is still {@code callback} (a later one installed meanwhile stays). */
    public void removeReader(Runnable callback) {
        if (reader == callback) {
            removeReader();
        }
    }

    /** Removes the writer if it is still {@code callback}. */
    public void removeWriter(Runnable callback) {
        if (writer == callback) {
            removeWriter();
        }
    }

    /**
     * Keeps {@code bytes}, read off the channel for a {@code sockRecv} whose task was cancelled
     * before taking them, for the next {@code sockRecv} / {@code sockRecvInto} (before newer bytes).
     */
    void unread(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (unread == null) {
            unread = bytes;
        } else {
            byte[] all = Arrays.copyOf(bytes, bytes.length + unread.length);
            System.arraycopy(unread, 0, all, bytes.length, unread.length);
            unread = all;
        }
    }

    /** Moves kept bytes ({@link #unread}) into {@code buf}; how many (0 if none). */
    int takeUnread(ByteBuffer buf) {
        if (unread == null) {
            return 0;
        }
        int n = Math.min(unread.length, buf.remaining());
        buf.put(unread, 0, n);
        unread = n == unread.length ? null : Arrays.copyOfRange(unread, n, unread.length);
        return n;
    }

    /** Whether a reader is installed. */
    public boolean hasReader() {
        return reader != null;
    }

    /** Whether a writer is installed. */
    public boolean hasWriter() {
        return writer != null;
    }

    private void update() {
        if (!key.isValid()) {
            return;
        }
        int ops = 0;
        if (reader != null) {
            ops |= key.channel().validOps() & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            ops |= writeOp;
        }
        key.interestOps(ops);
    }

    @Override
    public void run() {
        if (!key.isValid()) {
            return;
        }
        int ready = key.readyOps();
        Runnable r = reader;
        if (r != null && (ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
            r.run();
        }
        Runnable w = writer;
        if (w != null && key.isValid() && (ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
            w.run();
        }
    }
}
