package io.aio4j.stream;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.Connection;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Streams over pipes, asyncio's recipe of {@code StreamReaderProtocol} plus
 * {@code connect_read_pipe}/{@code connect_write_pipe} plus {@code StreamWriter}: for FIFOs, a
 * {@link java.nio.channels.Pipe}, or a child process's standard streams.
 */
public final class PipeStreams {
    private PipeStreams() {
    }

    /** Connects {@code pipe} to a new reader with {@code limit}; call from a task. */
    public static StreamReader openReadPipe(ReadableByteChannel pipe, int limit) {
        EventLoop loop = Aio.getRunningLoop();
        StreamReader reader = new StreamReader(limit);
        Aio.await(loop.connectReadPipe(() -> readerProtocol(reader, loop), pipe));
        return reader;
    }

    /** Connects {@code pipe} to a new writer; call from a task. */
    public static StreamWriter openWritePipe(WritableByteChannel pipe) {
        EventLoop loop = Aio.getRunningLoop();
        Protocol protocol = writerProtocol(loop);
        Connection<Protocol> c = Aio.await(loop.connectWritePipe(() -> protocol, pipe));
        return writer(c.transport(), protocol, null, loop);
    }

    /** A protocol that feeds {@code reader} (asyncio's {@code StreamReaderProtocol(reader)}). */
    public static Protocol readerProtocol(StreamReader reader, EventLoop loop) {
        return new StreamReaderProtocol(reader, null, loop);
    }

    /** A protocol that only does a writer's flow control (asyncio's {@code FlowControlMixin}). */
    public static Protocol writerProtocol(EventLoop loop) {
        return new StreamReaderProtocol(null, null, loop);
    }

    /**
     * A writer on {@code transport}, whose protocol is {@code protocol} from
     * {@link #readerProtocol} or {@link #writerProtocol}; {@code reader} may be null.
     */
    public static StreamWriter writer(Transport transport, Protocol protocol, StreamReader reader, EventLoop loop) {
        if (!(protocol instanceof StreamReaderProtocol p)) {
            throw new IllegalArgumentException("not a stream protocol: " + protocol);
        }
        return new StreamWriter(transport, p, reader, loop);
    }
}
