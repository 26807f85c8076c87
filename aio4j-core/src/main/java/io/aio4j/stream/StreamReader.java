package io.aio4j.stream;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.internal.Sneaky;
import io.aio4j.internal.net.ByteQueue;
import io.aio4j.net.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;

/**
 * asyncio's {@code StreamReader}: the receiving half of a stream connection, read by one task at
 * a time with suspending calls ({@link #read(int)}, {@link #readLine()}, {@link #readUntil},
 * {@link #readExactly}). A buffer limit (64 KiB by default) bounds how far a separator is looked
 * for, and the transport is paused while more than twice the limit waits unread.
 */
public final class StreamReader {
    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;
    private static final byte[] NEWLINE = {'\n'};

    private final int limit;
    private final ByteQueue buffer = new ByteQueue();
    private Future<Void> waiter;
    private Throwable exception;
    private Transport transport;
    private boolean eof;
    private boolean paused;

    /** A reader with the default limit. */
    public StreamReader() {
        this(DEFAULT_LIMIT);
    }

    /** A reader with the given limit. */
    public StreamReader(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        this.limit = limit;
    }

    /** The buffer limit. */
    public int limit() {
        return limit;
    }

    /** The error the connection failed with, or null. */
    public Throwable exception() {
        return exception;
    }

    /** Fails the reader: reads throw {@code error} from now on, and a waiting read wakes with it. */
    public void setException(Throwable error) {
        exception = error;
        Future<Void> w = waiter;
        if (w != null) {
            w.trySetException(error);
        }
    }

    /** Attaches the transport, which the reader pauses and resumes. */
    public void setTransport(Transport transport) {
        this.transport = transport;
    }

    /** Signals EOF: reads return what is buffered, then end. */
    public void feedEof() {
        eof = true;
        wakeupWaiter();
    }

    /** Whether EOF was fed and the buffer is empty. */
    public boolean atEof() {
        return eof && buffer.isEmpty();
    }

    /** Appends received data (called by the protocol); {@code data} is copied, the caller keeps it. */
    public void feedData(ByteBuffer data) {
        feed(data, false);
    }

    /**
     * Appends a chunk the caller gives up (a transport's fresh buffer, which
     * {@code Protocol.dataReceived} hands over for keeps): when nothing is buffered its array is
     * kept as is, and a {@link #read(int)} that takes it all returns that array, with no copy.
     */
    void feedOwnedData(ByteBuffer data) {
        feed(data, true);
    }

    private void feed(ByteBuffer data, boolean owned) {
        if (eof) {
            throw new IllegalStateException("feedData after feedEof");
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (owned) {
            buffer.adopt(data);
        } else {
            buffer.append(data);
        }
        wakeupWaiter();
        if (transport != null && !paused && buffer.size() > 2 * limit) {
            try {
                transport.pauseReading();
                paused = true;
            } catch (UnsupportedOperationException e) {
                transport = null;
            }
        }
    }

    /** Appends received data. */
    public void feedData(byte[] data) {
        feedData(ByteBuffer.wrap(data));
    }

    /** Up to {@code n} bytes, waiting for at least one unless at EOF; {@code n < 0}: everything to EOF. */
    public byte[] read(int n) {
        throwIfFailed();
        if (n == 0) {
            return new byte[0];
        }
        if (n < 0) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (;;) {
                byte[] block = read(limit);
                if (block.length == 0) {
                    return all.toByteArray();
                }
                all.writeBytes(block);
            }
        }
        if (buffer.isEmpty() && !eof) {
            waitForData("read");
        }
        byte[] data = buffer.take(n);
        maybeResumeTransport();
        return data;
    }

    /** Everything up to EOF. */
    public byte[] read() {
        return read(-1);
    }

    /**
     * One line, {@code '\n'} included; at EOF the partial last line (empty when nothing is left).
     *
     * @throws IllegalArgumentException when the line is longer than the limit (the line is dropped)
     */
    public byte[] readLine() {
        try {
            return readUntil(NEWLINE);
        } catch (IncompleteReadException e) {
            return e.partial();
        } catch (LimitOverrunException e) {
            if (buffer.startsWith(NEWLINE, e.consumed())) {
                buffer.skip(e.consumed() + NEWLINE.length);
            } else {
                buffer.clear();
            }
            maybeResumeTransport();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The data up to and including the first of {@code separators} found (the one ending
     * first), consumed from the buffer.
     *
     * @throws LimitOverrunException when no separator is found within the limit (data stays buffered)
     * @throws IncompleteReadException at EOF before a separator (the buffer is consumed)
     */
    public byte[] readUntil(byte[]... separators) {
        if (separators.length == 0) {
            throw new IllegalArgumentException("Separator should contain at least one element");
        }
        byte[][] seps = separators.clone();
        Arrays.sort(seps, Comparator.comparingInt(s -> s.length));
        int minLen = seps[0].length;
        int maxLen = seps[seps.length - 1].length;
        if (minLen == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        throwIfFailed();
        int offset = 0;
        int matchStart;
        int matchEnd;
        for (;;) {
            int buflen = buffer.size();
            if (buflen - offset >= minLen) {
                matchStart = -1;
                matchEnd = -1;
                for (byte[] sep : seps) {
                    int at = buffer.indexOf(sep, offset);
                    if (at >= 0 && (matchEnd < 0 || at + sep.length < matchEnd)) {
                        matchEnd = at + sep.length;
                        matchStart = at;
                    }
                }
                if (matchEnd >= 0) {
                    break;
                }
                offset = Math.max(0, buflen + 1 - maxLen);
                if (offset > limit) {
                    throw new LimitOverrunException("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            if (eof) {
                byte[] chunk = buffer.take(buffer.size());
                throw new IncompleteReadException(chunk, -1);
            }
            waitForData("readUntil");
        }
        if (matchStart > limit) {
            throw new LimitOverrunException("Separator is found, but chunk is longer than limit", matchStart);
        }
        byte[] chunk = buffer.take(matchEnd);
        maybeResumeTransport();
        return chunk;
    }

    /**
     * Exactly {@code n} bytes.
     *
     * @throws IncompleteReadException at EOF before {@code n} bytes (what was read is in it, and consumed)
     */
    public byte[] readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size can not be less than zero");
        }
        throwIfFailed();
        if (n == 0) {
            return new byte[0];
        }
        while (buffer.size() < n) {
            if (eof) {
                throw new IncompleteReadException(buffer.take(buffer.size()), n);
            }
            waitForData("readExactly");
        }
        byte[] data = buffer.take(n);
        maybeResumeTransport();
        return data;
    }

    private void throwIfFailed() {
        if (exception != null) {
            throw Sneaky.raise(exception);
        }
    }

    private void waitForData(String function) {
        if (waiter != null) {
            throw new IllegalStateException(function
                    + "() called while another task is already waiting for incoming data");
        }
        if (eof) {
            throw new IllegalStateException("waitForData after EOF");
        }
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
        Future<Void> w = Aio.getRunningLoop().createFuture();
        waiter = w;
        try {
            Aio.await(w);
        } finally {
            waiter = null;
        }
    }

    private void wakeupWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            w.trySetResult(null);
        }
    }

    private void maybeResumeTransport() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<StreamReader");
        if (!buffer.isEmpty()) {
            sb.append(' ').append(buffer.size()).append(" bytes");
        }
        if (eof) {
            sb.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            sb.append(" limit=").append(limit);
        }
        if (waiter != null) {
            sb.append(" waiter=").append(waiter);
        }
        if (exception != null) {
            sb.append(" exception=").append(exception);
        }
        if (transport != null) {
            sb.append(" transport=").append(transport);
        }
        if (paused) {
            sb.append(" paused");
        }
        return sb.append('>').toString();
    }
}
