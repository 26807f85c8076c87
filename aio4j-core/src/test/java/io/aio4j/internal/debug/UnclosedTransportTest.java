package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import io.aio4j.testing.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * REFERENCE §3's {@code unclosed transport <…>} and {@code unclosed <StreamWriter …>}: a
 * connection left open when its debug-mode loop is closed and dropped is reported once the
 * transport and the writer are collected; a closed one is not.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnclosedTransportTest {

    @Test
    void aConnectionLeftOpenWhenTheLoopClosesIsReported() throws Exception {
        try (LogCapture log = new LogCapture(); Peer peer = new Peer()) {
            openAndForget(peer.port(), false);
            Gc.until(() -> log.first(Level.WARNING, "unclosed transport <") != null
                    && log.first(Level.WARNING, "unclosed <StreamWriter") != null);
            // Made in a loop callback when the connection completed, so there is no user frame to show.
            assertTrue(log.first(Level.WARNING, "unclosed transport <").startsWith("unclosed transport <SocketTransport local="));
            assertTrue(log.first(Level.WARNING, "unclosed <StreamWriter").startsWith("unclosed <StreamWriter transport=<SocketTransport"),
                    log.first(Level.WARNING, "unclosed <StreamWriter"));
        }
    }

    @Test
    void aClosedConnectionIsNotReported() throws Exception {
        try (LogCapture log = new LogCapture(); Peer peer = new Peer()) {
            openAndForget(peer.port(), true);
            for (int i = 0; i < 20; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertNull(log.first(Level.WARNING, "unclosed transport <"), log.messages(Level.WARNING)::toString);
            assertNull(log.first(Level.WARNING, "unclosed <StreamWriter"), log.messages(Level.WARNING)::toString);
        }
    }

    private static void openAndForget(int port, boolean close) {
        SelectorEventLoop loop = new SelectorEventLoop();
        loop.setDebug(true);
        loop.runUntilComplete(loop.createTask(() -> {
            StreamPair pair = Streams.openConnection("127.0.0.1", port);
            if (close) {
                pair.writer().close();
                pair.writer().waitClosed();
            }
            return null;
        }));
        loop.close();
    }

    /** A plain blocking server that accepts and holds connections open. */
    private static final class Peer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor;

        Peer() throws Exception {
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try {
                        Socket s = server.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(5000);
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }
}
