package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.StreamWriter;
import io.aio4j.stream.Streams;
import io.aio4j.testing.LogCapture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link StreamPair} and {@link StreamWriter} are {@link AutoCloseable}: a connection closed by
 * try-with-resources owes no {@code unclosed <StreamWriter …>} / {@code unclosed transport}
 * warning, while one left open beside it, in the same loop, still gets its warning (which shows
 * the collector did run the cleaners).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClosedByTryWithResourcesTest {

    @Test
    void connectionsClosedByTryWithResourcesAreNotReported() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture();
                ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (Exception e) {
                    // the server socket was closed: done
                }
            });
            int leftOpenPort = openThreeAndForgetOne(server.getLocalPort());
            Gc.until(() -> log.first(Level.WARNING, "unclosed <StreamWriter") != null);
            for (int i = 0; i < 10; i++) {
                System.gc();
                Thread.sleep(10);
            }
            List<String> writers = log.messages(Level.WARNING).stream().filter(m -> m.startsWith("unclosed <StreamWriter")).toList();
            assertEquals(1, writers.size(), writers::toString);
            assertTrue(writers.get(0).contains(":" + leftOpenPort), writers.get(0) + " is not the connection from port " + leftOpenPort);
            List<String> transports = log.messages(Level.WARNING).stream().filter(m -> m.startsWith("unclosed transport")).toList();
            assertTrue(transports.stream().allMatch(m -> m.contains(":" + leftOpenPort)), transports::toString);
            server.close();
            acceptor.join(5_000);
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** Opens three connections in a debug-mode loop: two closed by try-with-resources, one left open. */
    private static int openThreeAndForgetOne(int port) {
        SelectorEventLoop loop = new SelectorEventLoop();
        loop.setDebug(true);
        int leftOpen = loop.runUntilComplete(loop.createTask(() -> {
            StreamPair pair = Streams.openConnection("127.0.0.1", port);
            try (pair) {
                pair.writer().write("pair\n".getBytes());
            }
            pair.writer().waitClosed();
            StreamWriter writer = Streams.openConnection("127.0.0.1", port).writer();
            try (writer) {
                writer.write("writer\n".getBytes());
            }
            writer.waitClosed();
            StreamPair forgotten = Streams.openConnection("127.0.0.1", port);
            return ((InetSocketAddress) forgotten.writer().transport().localAddress()).getPort();
        }));
        loop.close();
        return leftOpen;
    }
}
