package io.aio4j.internal.process;

import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.internal.net.ProtocolCalls;
import io.aio4j.net.Connection;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.Supplier;

/** asyncio's {@code connect_read_pipe} and {@code connect_write_pipe} for any byte channel (a FIFO, a {@link java.nio.channels.Pipe}'s ends). */
public final class Pipes {
    private Pipes() {
    }

    /** Reads {@code pipe} into {@code factory}'s protocol; the channel is put in blocking mode. */
    public static <P extends Protocol> Future<Connection<P>> connectRead(EventLoop loop, Supplier<P> factory,
            ReadableByteChannel pipe) {
        blocking(pipe);
        P protocol = factory.get();
        ReadPipeTransport t = new ReadPipeTransport(loop, Channels.newInputStream(pipe), pipe, protocol);
        return connect(loop, t, protocol, t::start);
    }

    /** Writes to {@code pipe} for {@code factory}'s protocol; the channel is put in blocking mode. */
    public static <P extends Protocol> Future<Connection<P>> connectWrite(EventLoop loop, Supplier<P> factory,
            WritableByteChannel pipe) {
        blocking(pipe);
        P protocol = factory.get();
        WritePipeTransport t = new WritePipeTransport(loop, Channels.newOutputStream(pipe), pipe, protocol,
                () -> closeQuietly(pipe));
        return connect(loop, t, protocol, t::start);
    }

    private static <P extends Protocol> Future<Connection<P>> connect(EventLoop loop, Transport t, P protocol,
            Runnable start) {
        Future<Connection<P>> result = loop.createFuture();
        loop.callSoon(() -> {
            ProtocolCalls.callSafely(loop, "Exception in callback protocol.connectionMade()", t, protocol,
                    () -> protocol.connectionMade(t));
            start.run();
            result.trySetResult(new Connection<>(t, protocol));
        });
        return result;
    }

    // The pump threads do blocking reads and writes: a channel in non-blocking mode would fail them.
    private static void blocking(Channel pipe) {
        if (pipe instanceof SelectableChannel sc && !sc.isBlocking()) {
            try {
                sc.configureBlocking(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void closeQuietly(Channel pipe) {
        try {
            pipe.close();
        } catch (IOException ignored) {
            // Closing is how a blocked write is abandoned; its error does not matter.
        }
    }
}
