package io.aio4j.examples.net;

import io.aio4j.Aio;
import io.aio4j.LoopGroup;
import io.aio4j.net.Balancing;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.StreamWriter;
import io.aio4j.stream.Streams;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Using every core: a line echo server on a {@link LoopGroup} of one loop per core, each
 * connection served by one loop, and a few clients that print which loop answered them.
 *
 * <p>Run: {@code ./run demo everycore [acceptor]} (the default spreads connections with
 * {@code SO_REUSEPORT} on Linux; {@code acceptor} hands them out round robin from one loop).
 */
public final class EveryCore {
    private EveryCore() {
    }

    /** One connection: echoes each line, prefixed with the name of the loop thread serving it. */
    static void echoLines(StreamReader reader, StreamWriter writer) {
        String loopThread = loopThreadName();
        while (true) {
            byte[] line = reader.readLine();
            if (line.length == 0) {
                break;
            }
            writer.write((loopThread + " echoes " + new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            writer.drain();
        }
        writer.close();
    }

    /** The name of the platform thread that runs the current loop (a task may run on a virtual thread of its own). */
    private static String loopThreadName() {
        CompletableFuture<String> name = new CompletableFuture<>();
        Aio.getRunningLoop().callSoon(() -> name.complete(Thread.currentThread().getName()));
        return Aio.await(name);
    }

    /** Starts the server on every core, talks to it from six clients, then shuts the group down. */
    public static void main(String[] args) throws Exception {
        Balancing balancing = args.length > 0 && args[0].equals("acceptor") ? Balancing.ACCEPTOR : Balancing.AUTO;
        try (LoopGroup group = Aio.newLoopGroup()) {
            Server server = Streams.startServer(group, EveryCore::echoLines, "127.0.0.1", 0, ServerOptions.defaults(),
                    balancing);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            System.out.println(group.size() + " loops serving " + server);
            // Clients, here on the group's loops too: any loop can be a client of any server.
            for (int i = 0; i < 6; i++) {
                String msg = "hello " + i;
                String reply = group.submit(() -> {
                    StreamPair c = Streams.openConnection("127.0.0.1", port);
                    c.writer().write((msg + "\n").getBytes(StandardCharsets.UTF_8));
                    String r = new String(c.reader().readLine(), StandardCharsets.UTF_8).strip();
                    c.writer().close();
                    return r;
                }).get();
                System.out.println(reply);
            }
            server.close();
            server.waitClosed();
        }
    }
}
