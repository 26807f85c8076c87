package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamHandler;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.testing.Bounded;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checksummed echo through one loop: 1 GiB on one connection, and 1 GiB spread over parallel ones. */
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
class EchoSoakTest {
    private static final int CHUNK = 64 * 1024;
    /** Random bytes the chunks are cut from, at a different offset each time. */
    private static final byte[] SOURCE = new byte[4 * 1024 * 1024 + CHUNK];

    static {
        new Random(11).nextBytes(SOURCE);
    }

    static final StreamHandler ECHO = (r, w) -> {
        for (byte[] b = r.read(CHUNK); b.length > 0; b = r.read(CHUNK)) {
            w.write(b);
            w.drain();
        }
        w.close();
    };

    static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /** Sends {@code bytes} through an echo and returns {sent CRC, received CRC, received bytes}. */
    static long[] echo(int port, long bytes, int seed) {
        StreamPair c = Streams.openConnection("127.0.0.1", port);
        CRC32 sent = new CRC32();
        Task<Void> writer = Aio.createTask(() -> {
            long offset = seed * 7919L;
            for (long left = bytes; left > 0; left -= CHUNK) {
                int n = (int) Math.min(CHUNK, left);
                int at = (int) (offset % (SOURCE.length - CHUNK));
                offset += 65537;
                sent.update(SOURCE, at, n);
                c.writer().write(java.util.Arrays.copyOfRange(SOURCE, at, at + n));
                c.writer().drain();
            }
            c.writer().writeEof();
        });
        CRC32 received = new CRC32();
        long count = 0;
        for (byte[] b = c.reader().read(CHUNK); b.length > 0; b = c.reader().read(CHUNK)) {
            received.update(b);
            count += b.length;
        }
        Aio.await(writer);
        c.writer().close();
        c.writer().waitClosed();
        return new long[] {sent.getValue(), received.getValue(), count};
    }

    @Test
    void oneConnectionEchoesEveryByte() throws Exception {
        long bytes = Soak.size(1L << 30, 32L << 20);
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            Server server = Streams.startServer(ECHO, "127.0.0.1", 0);
            long start = System.nanoTime();
            long[] r = echo(port(server), bytes, 1);
            double seconds = Soak.secondsSince(start);
            server.close();
            server.waitClosed();
            assertEquals(bytes, r[2], "bytes echoed");
            assertEquals(r[0], r[1], "CRC32 of what was sent and what came back");
            reports.assertNoUntyped();
            Soak.report("echo-single", Soak.figures("bytes", bytes, "crc32", Long.toHexString(r[1]),
                    "seconds", seconds, "MiBps", bytes / seconds / (1 << 20), "untyped", reports.untyped()));
        }));
    }

    @Test
    void parallelConnectionsEchoEveryByte() throws Exception {
        int connections = Soak.size(16, 4);
        long each = Soak.size(1L << 30, 32L << 20) / connections;
        Bounded.run(Soak.limit(), () -> Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            Server server = Streams.startServer(ECHO, "127.0.0.1", 0);
            long start = System.nanoTime();
            List<Task<long[]>> tasks = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int seed = i;
                tasks.add(Aio.createTask(() -> echo(port(server), each, seed)));
            }
            long total = 0;
            for (Task<long[]> t : tasks) {
                long[] r = Aio.await(t);
                assertEquals(each, r[2], "bytes echoed on one connection");
                assertEquals(r[0], r[1], "CRC32 of what one connection sent and got back");
                total += r[2];
            }
            double seconds = Soak.secondsSince(start);
            server.close();
            server.waitClosed();
            reports.assertNoUntyped();
            Soak.report("echo-parallel", Soak.figures("connections", connections, "bytes", total,
                    "seconds", seconds, "MiBps", total / seconds / (1 << 20), "untyped", reports.untyped()));
        }));
    }
}
