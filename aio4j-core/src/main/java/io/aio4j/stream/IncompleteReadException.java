package io.aio4j.stream;

/**
 * asyncio's {@code IncompleteReadError}: EOF came before a stream read got what it needed.
 * {@link #partial()} holds the bytes that were read (and consumed).
 */
public class IncompleteReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final byte[] partial;
    private final int expected;

    /** {@code partial} bytes were read of {@code expected} ({@code -1}: undefined, e.g. up to a separator). */
    public IncompleteReadException(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : String.valueOf(expected))
                + " expected bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    /** The bytes read before EOF. */
    public byte[] partial() {
        return partial.clone();
    }

    /** How many bytes were expected, or -1 when the read was up to a separator. */
    public int expected() {
        return expected;
    }
}
