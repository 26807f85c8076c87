package io.aio4j.stream;

/**
 * The two halves of a stream connection, as {@link Streams#openConnection} returns them.
 * Closing the pair closes the connection ({@link StreamWriter#close()}), so a client reads
 * {@code try (StreamPair c = Streams.openConnection(host, port)) { … }}.
 *
 * @param reader the receiving half
 * @param writer the sending half, which owns the connection
 */
public record StreamPair(StreamReader reader, StreamWriter writer) implements AutoCloseable {
    /** Closes the connection: {@link StreamWriter#close()} (flush, then close, without waiting). */
    @Override
    public void close() {
        writer.close();
    }
}
