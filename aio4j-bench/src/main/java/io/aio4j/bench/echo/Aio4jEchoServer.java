package io.aio4j.bench.echo;

import io.aio4j.Aio;
import io.aio4j.LoopGroup;
import io.aio4j.net.Balancing;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.Protocol;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.Transport;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.StreamWriter;
import io.aio4j.stream.Streams;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The aio4j echo server of the benchmark, on one loop thread (or a group of loops, {@code group}): {@code protocol PORT} writes each
 * received buffer back from {@code dataReceived}; {@code streams PORT} runs a task per connection
 * that reads and writes with {@code drain()}, like asyncio's streams echo server.
 */
public final class Aio4jEchoServer {
    private Aio4jEchoServer() {
    }

    /** Writes back what it receives. */
    static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    /**
     * Writes back what it receives, reading into one direct buffer of its own (asyncio's
     * BufferedProtocol): no allocation and no copy per message while the socket keeps up.
     */
    static final class BufferedEcho implements BufferedProtocol {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();
        }

        @Override
        public void bufferUpdated(int nbytes) {
            transport.write(buffer.flip());
        }
    }

    static void echo(StreamReader reader, StreamWriter writer) {
        for (;;) {
            byte[] data = reader.read(256 * 1024);
            if (data.length == 0) {
                break;
            }
            writer.write(data);
            writer.drain();
        }
        writer.close();
    }

    /**
     * {@code protocol|buffered|streams PORT} on one loop, or {@code group LOOPS PORT [auto|reuse_port|acceptor]}:
     * the protocol echo on a {@link LoopGroup} of {@code LOOPS} loops, its connections spread over them.
     */
    public static void main(String[] args) {
        String mode = args[0];
        if (mode.equals("group")) {
            serveOnGroup(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Balancing.valueOf((args.length > 3 ? args[3] : "auto").toUpperCase(Locale.ROOT)));
            return;
        }
        int port = Integer.parseInt(args[1]);
        Aio.run(() -> {
            Server server = switch (mode) {
                case "protocol" -> Aio.await(Aio.getRunningLoop().createServer(Echo::new, "127.0.0.1", port));
                case "buffered" -> Aio.await(Aio.getRunningLoop().createServer(BufferedEcho::new, "127.0.0.1", port));
                case "streams" -> Streams.startServer(Aio4jEchoServer::echo, "127.0.0.1", port);
                default -> throw new IllegalArgumentException("mode must be protocol, buffered or streams: " + mode);
            };
            System.out.println("aio4j " + mode + " echo server on 127.0.0.1:" + port);
            server.serveForever();
            return null;
        });
    }

    private static void serveOnGroup(int loops, int port, Balancing balancing) {
        try (LoopGroup group = Aio.newLoopGroup(loops)) {
            Server server = group.createServer(Echo::new, "127.0.0.1", port, ServerOptions.defaults(), balancing);
            System.out.println("aio4j group echo server (" + loops + " loops, " + server + ") on 127.0.0.1:" + port);
            server.serveForever();
        }
    }
}
