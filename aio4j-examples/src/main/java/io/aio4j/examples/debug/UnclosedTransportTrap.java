package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.Server;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import java.net.InetSocketAddress;

/**
 * Trap: a connection never closed. asyncio's rule holds in aio4j: a transport (and its stream
 * writer) must be closed explicitly. Debug mode warns when one is collected unclosed
 * ({@code unclosed transport <…>}, {@code unclosed <StreamWriter …>}) — typically after its loop
 * was closed with the connection still open. The fix: {@code writer.close()} then
 * {@code writer.waitClosed()}.
 */
public final class UnclosedTransportTrap {
    private UnclosedTransportTrap() {
    }

    static void run(boolean closeIt) {
        EventLoop loop = Aio.newEventLoop();
        loop.setDebug(true);
        try {
            loop.runUntilComplete(Aio.async(() -> {
                Server server = Streams.startServer((reader, writer) -> {
                    reader.read();          // until the client goes away
                    writer.close();
                }, "127.0.0.1", 0);
                int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
                StreamPair client = Streams.openConnection("127.0.0.1", port);
                client.writer().write("hello\n".getBytes());
                client.writer().drain();
                if (closeIt) {
                    client.writer().close();
                    client.writer().waitClosed();
                }
                server.close();
                return null;
            }));
        } finally {
            loop.close();
        }
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        run(false);       // the bug: the client's connection is left open when the loop closes
        run(true);        // the fix: no warning
        Collect.garbage();
    }
}
