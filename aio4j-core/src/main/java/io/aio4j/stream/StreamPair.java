package io.aio4j.stream;

/** The two halves of a stream connection, as {@link Streams#openConnection} returns them. */
public record StreamPair(StreamReader reader, StreamWriter writer) {
}
