package io.aio4j.examples.txaio;

import io.aio4j.txaio.IBatchedTimer;
import io.aio4j.txaio.ILogger;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.TxFuture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * A small client library for a line-based request/response protocol, written once against
 * {@link TxApi}: each request returns a txaio future of its reply line, replies match requests in
 * order, and each request times out through one shared batched timer.
 *
 * <p>Threads: every method except {@link #connect} must run on the API's loop; the socket's reader
 * thread hands each received line to the loop through {@code onLoop}, the one thing that differs
 * per backend ({@code loop::callSoonThreadsafe} for aio4j, {@code eventLoop::execute} for Netty,
 * {@code executor::execute} for the JDK).
 */
public final class LineClient implements AutoCloseable {
    private final TxApi txa;
    private final Socket socket;
    private final OutputStream out;
    private final IBatchedTimer timeouts;
    private final double timeoutSeconds;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ILogger log;
    private boolean closed;

    private record Pending(String request, TxFuture<String> reply, TxDelayedCall timeout) {
    }

    private LineClient(TxApi txa, Socket socket, double timeoutSeconds) throws IOException {
        this.txa = txa;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.timeoutSeconds = timeoutSeconds;
        this.timeouts = txa.makeBatchedTimer(0.05, 100);
        this.log = txa.makeLogger();
    }

    /**
     * Connects to {@code port} on the loopback address; replies are delivered on the loop through
     * {@code onLoop}.
     */
    public static LineClient connect(TxApi txa, Executor onLoop, int port, double timeoutSeconds) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            LineClient client = new LineClient(txa, socket, timeoutSeconds);
            Thread.ofVirtual().name("line-client-reader").start(() -> client.readLoop(onLoop));
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("connect to port " + port, e);
        }
    }

    /** Sends one request line; the future gets the reply line, or fails with a timeout or I/O error. */
    public TxFuture<String> request(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("request contains a newline: " + line);
        }
        TxFuture<String> reply = txa.createFuture();
        if (closed) {
            txa.reject(reply, new IllegalStateException("client is closed"));
            return reply;
        }
        TxDelayedCall timeout = timeouts.callLater(timeoutSeconds, () -> {
            if (!txa.isCalled(reply)) {
                txa.reject(reply, new TimeoutException("no reply to '" + line + "' within " + timeoutSeconds + " s"));
            }
        });
        pending.add(new Pending(line, reply, timeout));
        log.debug("-> {line}", "line", line);
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            connectionLost(e);
        }
        return reply;
    }

    private void readLoop(Executor onLoop) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String received = line;
                onLoop.execute(() -> lineReceived(received));
            }
            lost(onLoop, new IOException("connection closed by the server"));
        } catch (IOException e) {
            lost(onLoop, e);
        }
    }

    /**
     * Reader thread: tells the loop the connection is lost, unless {@link #close} closed the socket
     * (the loop knows, and may be gone already: a Netty event loop or an executor shut down after
     * closing the client rejects new work).
     */
    private void lost(Executor onLoop, IOException error) {
        if (!socket.isClosed()) {
            onLoop.execute(() -> connectionLost(error));
        }
    }

    private void lineReceived(String line) {
        Pending p = pending.poll();
        if (p == null) {
            log.warn("unexpected reply {line}", "line", line);
            return;
        }
        p.timeout().cancel();
        log.debug("<- {line} (for {request})", "line", line, "request", p.request());
        if (!txa.isCalled(p.reply())) {
            txa.resolve(p.reply(), line);
        }
    }

    private void connectionLost(Throwable error) {
        if (closed) {
            return;
        }
        for (Pending p = pending.poll(); p != null; p = pending.poll()) {
            p.timeout().cancel();
            if (!txa.isCalled(p.reply())) {
                txa.reject(p.reply(), error);
            }
        }
    }

    /** Closes the connection; pending requests fail. */
    @Override
    public void close() {
        connectionLost(new IOException("client closed"));
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.warn("closing the socket failed: {e}", "e", e);
        }
    }
}
