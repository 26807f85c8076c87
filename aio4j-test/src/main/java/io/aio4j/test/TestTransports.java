package io.aio4j.test;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.Protocol;
import io.aio4j.stream.PipeStreams;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.StreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * In-memory connections for protocol tests without sockets, as Netty's {@code EmbeddedChannel}:
 * two {@link TestTransport}s that deliver what one end writes to the other end's protocol on
 * the loop, with the socket transport's semantics (see {@link TestTransport}). On a
 * {@link TestLoop} they take no real time at all.
 *
 * <pre>{@code
 *   EchoProtocol server = new EchoProtocol();
 *   RecordingProtocol client = new RecordingProtocol();
 *   TestTransports.Pair pair = TestTransports.pair(client, server);
 *   Aio.sleep(0);                                   // connectionMade on both
 *   pair.left().write("ping".getBytes());
 *   loop.runCurrent();                              // delivered, echoed, delivered back
 *
 *   TestTransports.Streams s = TestTransports.streams();   // or as streams
 *   s.left().writer().write("hello\n".getBytes());
 *   assertEquals("hello\n", new String(s.right().reader().readLine()));
 * }</pre>
 */
public final class TestTransports {
    /** The left end's address, as the right end's {@code peername}: 127.0.0.1:40001. */
    public static final SocketAddress LEFT_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40001);
    /** The right end's address, as the left end's {@code peername}: 127.0.0.1:40002. */
    public static final SocketAddress RIGHT_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40002);

    private TestTransports() {
    }

    /** Two connected ends. */
    public record Pair(TestTransport left, TestTransport right) {
    }

    /** Streams over two connected ends: what {@code left().writer()} writes, {@code right().reader()} reads, and back. */
    public record Streams(StreamPair left, StreamPair right) {
    }

    /** {@link #pair(EventLoop, Protocol, Protocol)} on the running loop. */
    public static Pair pair(Protocol left, Protocol right) {
        return pair(Aio.getRunningLoop(), left, right);
    }

    /**
     * Two connected transports on {@code loop}, the {@code left} protocol's and the {@code right}
     * one's, at {@link #LEFT_ADDRESS} and {@link #RIGHT_ADDRESS}. Both protocols'
     * {@code connectionMade} is called on the loop's next iteration.
     */
    public static Pair pair(EventLoop loop, Protocol left, Protocol right) {
        return pair(loop, left, right, LEFT_ADDRESS, RIGHT_ADDRESS);
    }

    /** {@link #pair(EventLoop, Protocol, Protocol)} with the ends' own addresses. */
    public static Pair pair(EventLoop loop, Protocol left, Protocol right, SocketAddress leftAddress,
            SocketAddress rightAddress) {
        Objects.requireNonNull(loop, "loop");
        TestTransport a = new TestTransport(loop, "left", left, leftAddress, rightAddress);
        TestTransport b = new TestTransport(loop, "right", right, rightAddress, leftAddress);
        TestTransport.connect(a, b);
        return new Pair(a, b);
    }

    /** {@link #streams(EventLoop, int)} on the running loop with the default limit (64 KiB). */
    public static Streams streams() {
        return streams(Aio.getRunningLoop(), StreamReader.DEFAULT_LIMIT);
    }

    /**
     * A {@link StreamReader}/{@code StreamWriter} pair at each end of an in-memory connection on
     * {@code loop}, as {@code Streams.openConnection} and a server's handler would get them:
     * readers with {@code limit}, writers with {@code drain()} flow control, EOF on
     * {@code writeEof}/{@code close}.
     */
    public static Streams streams(EventLoop loop, int limit) {
        StreamReader leftReader = new StreamReader(limit);
        StreamReader rightReader = new StreamReader(limit);
        Protocol leftProtocol = PipeStreams.readerProtocol(leftReader, loop);
        Protocol rightProtocol = PipeStreams.readerProtocol(rightReader, loop);
        Pair pair = pair(loop, leftProtocol, rightProtocol);
        return new Streams(new StreamPair(leftReader, PipeStreams.writer(pair.left(), leftProtocol, leftReader, loop)),
                new StreamPair(rightReader, PipeStreams.writer(pair.right(), rightProtocol, rightReader, loop)));
    }
}
