package io.aio4j.test.sweep;

import static io.aio4j.test.sweep.ConnectSweepTest.assertSwept;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aio4j.Aio;
import io.aio4j.Future;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.Streams;
import io.aio4j.test.CancellationSweep;
import io.aio4j.test.CancellationSweep.Body;
import io.aio4j.test.CancellationSweep.Result;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stream reads and {@code drain} cancelled at every iteration: what the peer wrote is either
 * delivered to the body or still readable from the stream; what the body wrote still reaches the peer.
 */
@Timeout(120)
class StreamSweepTest {
    private static final List<String> PIECES = List.of("line ", "one\nline", " two\n", "the rest");
    private static final byte[] DATA = String.join("", PIECES).getBytes();

    /** A server that writes {@link #PIECES} a little apart (or reads everything), and a client connected to it. */
    static final class Peer {
        Server server;
        StreamPair client;
        final Future<byte[]> received;
        boolean wrote;

        Peer(boolean reading) {
            received = Aio.getRunningLoop().createFuture();
            server = Streams.startServer((r, w) -> {
                try {
                    if (reading) {
                        received.trySetResult(r.read());
                        return;
                    }
                    for (String piece : PIECES) {
                        Aio.sleep(0.01);
                        w.write(piece.getBytes());
                        w.drain();
                    }
                } finally {
                    w.close();
                }
            }, "127.0.0.1", 0);
            client = Streams.openConnection("127.0.0.1", ((InetSocketAddress) server.sockets().get(0)).getPort());
        }

        void close() {
            client.writer().close();
            server.close();
            server.closeClients();
            server.waitClosed();
        }
    }

    @Test
    void read() {
        assertSwept(sweepRead(r -> r.read(7)));
    }

    @Test
    void readExactly() {
        assertSwept(sweepRead(r -> r.readExactly(12)));
    }

    @Test
    void readUntil() {
        assertSwept(sweepRead(r -> r.readUntil("two\n".getBytes())));
    }

    @Test
    void readLine() {
        assertSwept(sweepRead(StreamReader::readLine));
    }

    /** Sweeps one read: the bytes it returned, then the rest of the stream, are the peer's bytes. */
    private static Result sweepRead(ReadOp op) {
        Body<Peer> body = peer -> op.read(peer.client.reader());
        return CancellationSweep.withPeer(loop -> new Peer(false))
                .body(body)
                .check((peer, o) -> {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    if (o.completed()) {
                        all.write((byte[]) o.value());
                    }
                    all.write(peer.client.reader().read());
                    assertArrayEquals(DATA, all.toByteArray(), () -> "got " + all);
                })
                .tearDown(Peer::close)
                .run();
    }

    @Test
    void drain() {
        byte[] big = new byte[2 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i ^ (i >> 11));
        }
        Result r = CancellationSweep.withPeer(loop -> new Peer(true))
                .body(peer -> {
                    peer.client.writer().write(big);
                    peer.wrote = true;
                    peer.client.writer().drain();
                    return "drained";
                })
                .check((peer, o) -> {
                    // Written before the drain was cancelled: still sent, followed by what comes next.
                    peer.client.writer().write("END".getBytes());
                    peer.client.writer().close();
                    byte[] got = Aio.waitFor(peer.received, 30);
                    ByteArrayOutputStream want = new ByteArrayOutputStream();
                    if (peer.wrote) {
                        want.write(big);
                    }
                    assertEquals(want.size() + 3, got.length);
                    want.write("END".getBytes());
                    assertArrayEquals(want.toByteArray(), got);
                })
                .tearDown(Peer::close)
                .run();
        assertSwept(r);
    }

    /** A read of a stream reader. */
    @FunctionalInterface
    interface ReadOp {
        byte[] read(StreamReader reader);
    }
}
