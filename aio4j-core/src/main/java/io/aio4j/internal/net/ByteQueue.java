package io.aio4j.internal.net;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable FIFO of bytes with search, the {@code bytearray} behind a stream reader. Not thread-safe.
 *
 * <p>Copies are avoided where ownership allows: {@link #adopt} takes over an array handed to the
 * reader for keeps (a transport's fresh chunk) when the queue is empty, and {@link #take} hands
 * that array back when the caller asks for all of it, so a stream reader whose task keeps up
 * moves each chunk from socket to caller with the one copy the transport made. When more data
 * joins an adopted chunk, both move into the queue's own storage, which is kept and reused.
 */
public final class ByteQueue {
    private static final byte[] EMPTY = new byte[0];
    /** The queue's own storage, reused from fill to fill. */
    private byte[] own = EMPTY;
    /** Where the bytes are: {@link #own}, or an adopted array. */
    private byte[] buf = own;
    private int start;
    private int end;

    /** How many bytes are queued. */
    public int size() {
        return end - start;
    }

    /** Whether nothing is queued. */
    public boolean isEmpty() {
        return end == start;
    }

    /** Appends the remaining bytes of {@code data}. */
    public void append(ByteBuffer data) {
        int n = data.remaining();
        ensure(n);
        data.get(buf, end, n);
        end += n;
    }

    /** The index (from the head) of the first {@code sep} at or after {@code from}, or -1. */
    public int indexOf(byte[] sep, int from) {
        int last = end - sep.length;
        outer:
        for (int i = start + Math.max(0, from); i <= last; i++) {
            for (int j = 0; j < sep.length; j++) {
                if (buf[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    /** Whether {@code sep} occurs at index {@code at}. */
    public boolean startsWith(byte[] sep, int at) {
        return at + sep.length <= size() && indexOf(sep, at) == at;
    }

    /**
     * Appends {@code data}, which the caller gives up: when the queue is empty and {@code data} is
     * a whole writable array, that array becomes the queue's storage (no copy); else it is copied.
     */
    public void adopt(ByteBuffer data) {
        if (isEmpty() && data.remaining() > 0 && data.hasArray() && !data.isReadOnly() && data.arrayOffset() == 0 && data.position() == 0
                && data.limit() == data.array().length) {
            buf = data.array();
            start = 0;
            end = buf.length;
            data.position(data.limit());
            return;
        }
        append(data);
    }

    /** Removes and returns the first {@code n} bytes (all if fewer are queued). */
    public byte[] take(int n) {
        int k = Math.min(n, size());
        if (k == buf.length && buf != own) {
            // All of an adopted chunk is the answer: hand it over, back to the queue's own storage.
            byte[] out = buf;
            buf = own;
            start = 0;
            end = 0;
            return out;
        }
        byte[] out = Arrays.copyOfRange(buf, start, start + k);
        start += k;
        if (start == end) {
            clear();
        }
        return out;
    }

    /** Drops the first {@code n} bytes. */
    public void skip(int n) {
        start += Math.min(n, size());
        if (start == end) {
            clear();
        }
    }

    /** Drops everything. */
    public void clear() {
        buf = own;
        start = 0;
        end = 0;
    }

    private void ensure(int n) {
        if (buf.length - end >= n) {
            return;
        }
        int size = size();
        if (buf == own && own.length - size >= n && start >= own.length / 2) {
            System.arraycopy(own, start, own, 0, size);
        } else {
            if (own.length - size < n || buf == own) {
                own = new byte[Math.max(Math.max(own.length * 2, 256), size + n)];
            }
            // From an adopted chunk into the queue's own storage, or from the old storage into a bigger one.
            System.arraycopy(buf, start, own, 0, size);
            buf = own;
        }
        start = 0;
        end = size;
    }
}
