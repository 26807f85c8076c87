package io.aio4j.soak;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.sync.Event;
import io.aio4j.sync.Semaphore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One side of {@link ManyConnectionsSoakTest}, run in a child JVM whose descriptor limit was
 * raised: {@code server N} holds N connections on one loop and exits when all have closed;
 * {@code client PORT N} opens N connections on one loop, checks each one's echo, holds them all
 * open at once, then closes them. Each prints its figures as one {@code soak:} line and exits 0
 * only if every connection behaved and no untyped report reached the loop's exception handler.
 */
final class ManyConnectionsChild {
    private ManyConnectionsChild() {
    }

    public static void main(String[] args) {
        boolean ok = "server".equals(args[0])
                ? server(Integer.parseInt(args[1]))
                : client(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }

    static boolean server(int n) {
        return Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            AtomicInteger open = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            AtomicInteger served = new AtomicInteger();
            Event allClosed = new Event();
            Server server = Streams.startServer((r, w) -> {
                peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                try {
                    w.write(r.readExactly(8));
                    w.drain();
                    r.read(); // until the client closes
                    served.incrementAndGet();
                } finally {
                    w.close();
                    if (open.decrementAndGet() == 0 && served.get() == n) {
                        allClosed.set();
                    }
                }
            }, "127.0.0.1", 0, ServerOptions.defaults().backlog(4096));
            System.out.println("port=" + EchoSoakTest.port(server));
            System.out.flush();
            long start = System.nanoTime();
            int peakFds = 0;
            while (!allClosed.isSet()) {
                peakFds = Math.max(peakFds, Soak.openDescriptors());
                Aio.sleep(0.05);
            }
            double seconds = Soak.secondsSince(start);
            server.close();
            server.waitClosed();
            Soak.report("many-connections-server", Soak.figures("connections", n, "peakConcurrent", peak.get(),
                    "served", served.get(), "peakFds", peakFds, "seconds", seconds,
                    "softFdLimit", Soak.softDescriptorLimit(), "untyped", reports.untyped()));
            return peak.get() == n && served.get() == n && reports.untyped() == 0;
        });
    }

    static boolean client(int port, int n) {
        return Aio.run(() -> {
            Reports reports = Reports.on(Aio.getRunningLoop());
            Semaphore connecting = new Semaphore(256);
            AtomicInteger echoed = new AtomicInteger();
            Event release = new Event();
            long start = System.nanoTime();
            List<Task<Boolean>> clients = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long id = i;
                clients.add(Aio.createTask(() -> {
                    StreamPair c;
                    connecting.acquire();
                    try {
                        c = Streams.openConnection("127.0.0.1", port);
                    } finally {
                        connecting.release();
                    }
                    byte[] sent = ByteBuffer.allocate(8).putLong(id * 2654435761L).array();
                    c.writer().write(sent);
                    boolean same = Arrays.equals(sent, c.reader().readExactly(8));
                    if (echoed.incrementAndGet() == n) {
                        release.set();
                    }
                    release.await();
                    c.writer().close();
                    c.writer().waitClosed();
                    return same;
                }));
            }
            release.await();
            double connectSeconds = Soak.secondsSince(start);
            int fdsAtPeak = Soak.openDescriptors();
            int good = 0;
            for (Task<Boolean> t : clients) {
                good += Aio.await(t) ? 1 : 0;
            }
            Soak.report("many-connections-client", Soak.figures("connections", n, "echoedOk", good,
                    "connectSeconds", connectSeconds, "fdsAtPeak", fdsAtPeak, "untyped", reports.untyped()));
            return good == n && reports.untyped() == 0;
        });
    }
}
