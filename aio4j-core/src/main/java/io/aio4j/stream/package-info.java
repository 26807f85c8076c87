/**
 * asyncio's streams: {@link io.aio4j.stream.StreamReader} and {@link io.aio4j.stream.StreamWriter}
 * over a transport, opened with {@link io.aio4j.stream.Streams#openConnection} or served with
 * {@link io.aio4j.stream.Streams#startServer} (one task per connection), and over pipes with
 * {@link io.aio4j.stream.PipeStreams}. Reads suspend the calling task; {@code drain()} is the
 * backpressure point for writes. A reader's limit (64 KiB by default) bounds how far a separator
 * is searched for ({@link io.aio4j.stream.LimitOverrunException}); a short read at EOF throws
 * {@link io.aio4j.stream.IncompleteReadException}.
 *
 * <p>Like every aio4j object, a stream belongs to one loop and is used from that loop's tasks.
 */
package io.aio4j.stream;
