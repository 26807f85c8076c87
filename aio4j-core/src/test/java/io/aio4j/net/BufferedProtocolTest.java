package io.aio4j.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BufferedProtocolTest {

    /** Collects what arrives through its own small buffer, noting the size hints it was given. */
    static final class Collector implements BufferedProtocol {
        final ByteBuffer buffer;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<Integer> hints = new ArrayList<>();
        final List<Integer> updates = new ArrayList<>();
        Future<byte[]> done;

        Collector(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            hints.add(sizeHint);
            buffer.clear();
            return buffer;
        }

        @Override
        public void bufferUpdated(int nbytes) {
            updates.add(nbytes);
            ByteBuffer data = buffer.duplicate().flip();
            byte[] chunk = new byte[nbytes];
            data.position(data.limit() - nbytes).get(chunk);
            received.writeBytes(chunk);
        }

        @Override
        public void connectionLost(Throwable errorOrNull) {
            if (done != null && !done.isDone()) {
                if (errorOrNull == null) {
                    done.setResult(received.toByteArray());
                } else {
                    done.setException(errorOrNull);
                }
            }
        }
    }

    @Test
    void everyByteArrivesInTheProtocolsOwnBufferReadStraightFromTheSocket() {
        byte[] payload = new byte[1 << 20];
        new Random(42).nextBytes(payload);
        Collector collector = new Collector(ByteBuffer.allocateDirect(1000));
        byte[] got = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            collector.done = loop.createFuture();
            Server server = Aio.await(loop.createServer(() -> collector, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            StreamPair client = Streams.openConnection("127.0.0.1", port);
            client.writer().write(payload);
            client.writer().drain();
            client.writer().close();
            byte[] result = Aio.await(collector.done);
            server.close();
            return result;
        });
        assertArrayEquals(payload, got);
        assertTrue(collector.updates.size() >= payload.length / 1000, "reads: " + collector.updates.size());
        assertTrue(collector.hints.stream().allMatch(h -> h == -1), "the socket transport reads into getBuffer(-1)");
    }

    @Test
    void dataDeliveredAsABufferGoesThroughGetBufferAndBufferUpdatedInChunks() {
        Collector collector = new Collector(ByteBuffer.allocate(4));
        collector.dataReceived(ByteBuffer.wrap("0123456789".getBytes()));
        assertEquals(List.of(4, 4, 2), collector.updates);
        assertEquals(List.of(10, 6, 2), collector.hints);
        assertEquals("0123456789", collector.received.toString());
    }

    @Test
    void anEmptyBufferIsAFatalErrorReportedToTheLoopAndTheConnectionIsLost() {
        List<ExceptionContext> reports = new ArrayList<>();
        Throwable lost = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
            Future<Throwable> lostWith = loop.createFuture();
            BufferedProtocol broken = new BufferedProtocol() {
                @Override
                public ByteBuffer getBuffer(int sizeHint) {
                    return ByteBuffer.allocate(0);
                }

                @Override
                public void bufferUpdated(int nbytes) {
                }

                @Override
                public void connectionLost(Throwable errorOrNull) {
                    lostWith.setResult(errorOrNull);
                }
            };
            Server server = Aio.await(loop.createServer(() -> broken, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            StreamPair client = Streams.openConnection("127.0.0.1", port);
            client.writer().write("x".getBytes());
            client.writer().drain();
            Throwable result = Aio.await(lostWith);
            client.writer().close();
            server.close();
            return result;
        });
        assertNotNull(lost);
        assertEquals(1, reports.size(), reports::toString);
        assertEquals("Fatal error: protocol.getBuffer() call failed.", reports.get(0).message());
        assertTrue(reports.get(0).exception().getMessage().startsWith("getBuffer() returned an empty buffer"),
                reports.get(0).exception().getMessage());
    }
}
