package io.aio4j.internal.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;

/**
 * A stream transport's write buffer: the bytes accepted by {@code write()} and not yet taken by
 * the socket, in order, held in direct segments from the loop thread's {@link Segments} pool.
 *
 * <p>Why direct: the JDK can only hand native memory to {@code write(2)}, so a heap buffer is
 * copied into a temporary direct buffer on every attempt to write it, the whole remainder each
 * time. Copying once into a direct segment on the way in (which replaces the JDK's own copy of a
 * heap buffer) means a partial write leaves its remainder where it is: no second copy, no
 * allocation, and {@link #writeTo} sends up to {@value #MAX_GATHER} segments with one gathering
 * {@code writev(2)}. Small writes made while the socket is full share the tail segment.
 *
 * <p>Not thread-safe: the loop thread only (the pool is the calling thread's).
 */
final class WriteQueue {
    /** At most this many segments per {@code writev} (Linux's IOV_MAX is 1024; 64 × 64 KiB is plenty). */
    static final int MAX_GATHER = 64;

    private final ArrayDeque<ByteBuffer> segments = new ArrayDeque<>();
    /** Reused gathering array (no allocation per write). */
    private final ByteBuffer[] batch = new ByteBuffer[MAX_GATHER];
    private Segments pool;
    private int size;

    /** The number of bytes queued. */
    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Copies the remaining bytes of {@code data} to the end of the queue; {@code data} is consumed. */
    void add(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        if (pool == null) {
            pool = Segments.current();
        }
        ByteBuffer tail = segments.peekLast();
        int pos = data.position();
        int left = n;
        while (left > 0) {
            int room = tail == null ? 0 : tail.capacity() - tail.limit();
            if (room == 0) {
                tail = pool.take();
                segments.addLast(tail);
                room = tail.capacity() - tail.limit();
            }
            int k = Math.min(room, left);
            int at = tail.limit();
            tail.limit(at + k);
            tail.put(at, data, pos, k);
            pos += k;
            left -= k;
        }
        data.position(pos);
        size += n;
    }

    /**
     * Writes as much as {@code channel} takes (one {@code write} or {@code writev}) and returns
     * the count; segments fully written go back to the pool.
     */
    long writeTo(GatheringByteChannel channel) throws IOException {
        long written;
        int n = segments.size();
        if (n == 1) {
            written = channel.write(segments.peekFirst());
        } else {
            n = Math.min(n, MAX_GATHER);
            int i = 0;
            for (ByteBuffer b : segments) {
                if (i == n) {
                    break;
                }
                batch[i++] = b;
            }
            try {
                written = channel.write(batch, 0, n);
            } finally {
                java.util.Arrays.fill(batch, 0, n, null);
            }
        }
        size -= (int) written;
        ByteBuffer head;
        while ((head = segments.peekFirst()) != null && !head.hasRemaining()) {
            segments.pollFirst();
            pool.recycle(head);
        }
        return written;
    }

    /** Drops everything queued (abort, fatal error), returning the segments to the pool. */
    void clear() {
        ByteBuffer b;
        while ((b = segments.pollFirst()) != null) {
            pool.recycle(b);
        }
        size = 0;
    }
}
