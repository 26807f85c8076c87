package io.aio4j.internal.net;

import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.TimerHandle;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.ConnectionAbortedException;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsHandshakeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * asyncio's {@code sslproto.SSLProtocol}: the TLS layer between a {@link SocketTransport} (whose
 * protocol it is) and the application's protocol (which sees a {@link TlsTransport}). An
 * {@link SSLEngine} turns the socket's bytes into application data and back. Loop thread only.
 */
public final class TlsProtocol implements Protocol {
    /*
     * Overview.
     *
     * States as in sslproto: DO_HANDSHAKE -> WRAPPED -> SHUTDOWN -> DONE (UNWRAPPED after a
     * failed handshake). pump() drives the engine as far as the received bytes allow: it runs
     * delegated tasks inline, sends what wrap() produces (handshake messages, tickets, alerts),
     * and unwraps records, handing application data to the app protocol. The handshake
     * finishes when the engine says NOT_HANDSHAKING while we are in DO_HANDSHAKE; it is then
     * timed, the waiter completes and the app protocol gets connectionMade. Application writes
     * made before that are queued and wrapped afterwards, in order.
     *
     * Closing (the app's close(), or the peer's close_notify): send our close_notify, then
     * wait for the peer's (or EOF) before closing the socket, at most shutdownTimeout seconds.
     * A handshake failure sends the engine's alert before closing, so the peer learns why.
     */
    private static final System.Logger LOG = AioLogger.LOG;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private enum State { DO_HANDSHAKE, WRAPPED, SHUTDOWN, UNWRAPPED, DONE }

    private final SelectorEventLoop loop;
    private final SSLEngine engine;
    private final TlsContext context;
    private final Protocol app;
    private final TlsTransport appTransport;
    private final Future<Void> waiter;
    private final double handshakeTimeout;
    private final double shutdownTimeout;
    private final boolean callConnectionMade;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private SocketTransport transport;
    private State state = State.DO_HANDSHAKE;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private int pendingSize;
    private double handshakeStart;
    private TimerHandle handshakeTimer;
    private TimerHandle shutdownTimer;
    private boolean appConnected;
    private boolean appLost;
    private boolean appEof;

    /** A TLS layer for {@code app}; {@code waiter} (may be null) completes when the handshake does. */
    public TlsProtocol(SelectorEventLoop loop, SSLEngine engine, TlsContext context, Protocol app, Future<Void> waiter,
            double handshakeTimeout, double shutdownTimeout, boolean callConnectionMade) {
        this.loop = loop;
        this.engine = engine;
        this.context = context;
        this.app = app;
        this.waiter = waiter;
        this.handshakeTimeout = handshakeTimeout;
        this.shutdownTimeout = shutdownTimeout;
        this.callConnectionMade = callConnectionMade;
        SSLSession session = engine.getSession();
        this.netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
        this.netOut = ByteBuffer.allocate(session.getPacketBufferSize());
        this.appTransport = new TlsTransport(this);
    }

    /** The transport the application protocol sees. */
    public TlsTransport appTransport() {
        return appTransport;
    }

    SocketTransport socketTransport() {
        return transport;
    }

    Protocol app() {
        return app;
    }

    SSLEngine engine() {
        return engine;
    }

    TlsContext context() {
        return context;
    }

    boolean handshakeDone() {
        return state != State.DO_HANDSHAKE && state != State.UNWRAPPED;
    }

    int pendingSize() {
        return pendingSize;
    }

    // ------------------------------------------------------------------ events from the socket

    @Override
    public void connectionMade(Transport t) {
        transport = (SocketTransport) t;
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, appTransport + " starts SSL handshake");
        }
        handshakeStart = loop.time();
        handshakeTimer = loop.callLater(handshakeTimeout, this::checkHandshakeTimeout);
        try {
            engine.beginHandshake();
            pump();
        } catch (SSLException e) {
            failed(e);
        }
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (state == State.UNWRAPPED || state == State.DONE) {
            return;
        }
        if (netIn.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.position() + data.remaining() + netIn.capacity() / 2);
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(data);
        try {
            pump();
        } catch (SSLException e) {
            failed(e);
        }
    }

    @Override
    public boolean eofReceived() {
        if (state == State.DO_HANDSHAKE) {
            handshakeComplete(new ConnectionResetException("Connection lost during SSL handshake"));
        } else if (state == State.WRAPPED) {
            callAppEof();
        }
        return false;
    }

    @Override
    public void connectionLost(Throwable error) {
        cancelTimers();
        pending.clear();
        pendingSize = 0;
        if (state == State.DO_HANDSHAKE) {
            wakeupWaiter(error != null ? error : new ConnectionResetException("Connection lost during SSL handshake"));
        } else if (appConnected && !appLost) {
            appLost = true;
            app.connectionLost(error);
        }
        state = State.DONE;
    }

    @Override
    public void pauseWriting() {
        if (appConnected) {
            ProtocolCalls.pauseWriting(loop, appTransport, app);
        }
    }

    @Override
    public void resumeWriting() {
        if (appConnected) {
            ProtocolCalls.resumeWriting(loop, appTransport, app);
        }
    }

    // ------------------------------------------------------------------ the engine

    private void pump() throws SSLException {
        for (;;) {
            SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
                continue;
            }
            if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                if (wrap(EMPTY).getStatus() == SSLEngineResult.Status.CLOSED && engine.isOutboundDone()) {
                    checkHandshakeFinished();
                    if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        return;
                    }
                }
                continue;
            }
            checkHandshakeFinished();
            if (engine.isInboundDone()) {
                return;
            }
            netIn.flip();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            checkHandshakeFinished();
            if (appIn.position() > 0) {
                deliver();
            }
            switch (r.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    return;
                }
                case BUFFER_OVERFLOW -> appIn = ByteBuffer.allocate(appIn.capacity() * 2);
                case CLOSED -> {
                    closeNotifyReceived();
                    return;
                }
                case OK -> {
                    if (r.bytesConsumed() == 0 && r.bytesProduced() == 0
                            && engine.getHandshakeStatus() == hs) {
                        return;
                    }
                }
            }
        }
    }

    private SSLEngineResult wrap(ByteBuffer src) throws SSLException {
        for (;;) {
            netOut.clear();
            SSLEngineResult r = engine.wrap(src, netOut);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(netOut.capacity() * 2);
                continue;
            }
            netOut.flip();
            if (netOut.hasRemaining() && transport != null) {
                transport.write(netOut);
            }
            return r;
        }
    }

    private void checkHandshakeFinished() {
        if (state == State.DO_HANDSHAKE
                && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            handshakeComplete(null);
        }
    }

    private void deliver() {
        appIn.flip();
        byte[] data = new byte[appIn.remaining()];
        appIn.get(data);
        appIn.clear();
        if (!appConnected || appLost) {
            return;
        }
        try {
            app.dataReceived(ByteBuffer.wrap(data));
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.dataReceived() call failed.");
        }
    }

    // ------------------------------------------------------------------ handshake

    private void handshakeComplete(Throwable error) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        if (error != null) {
            state = State.UNWRAPPED;
            if (loop.isDebug()) {
                LOG.log(System.Logger.Level.DEBUG, appTransport + ": SSL handshake failed", error);
            }
            if (transport != null) {
                transport.close();
            }
            wakeupWaiter(error);
            return;
        }
        state = State.WRAPPED;
        if (loop.isDebug()) {
            double ms = (loop.time() - handshakeStart) * 1e3;
            LOG.log(System.Logger.Level.DEBUG, String.format(Locale.ROOT, "%s: SSL handshake took %.1f ms", appTransport, ms));
        }
        appConnected = true;
        if (callConnectionMade) {
            try {
                app.connectionMade(appTransport);
            } catch (Throwable t) {
                fatalError(t, "Fatal error: protocol.connectionMade() call failed.");
                return;
            }
        }
        wakeupWaiter(null);
        try {
            while (!pending.isEmpty() && state == State.WRAPPED) {
                ByteBuffer b = pending.pollFirst();
                pendingSize -= b.remaining();
                writeApp(b);
            }
        } catch (SSLException e) {
            failed(e);
        }
    }

    private void checkHandshakeTimeout() {
        if (state != State.DO_HANDSHAKE) {
            return;
        }
        String msg = "SSL handshake is taking longer than " + handshakeTimeout + " seconds: aborting the connection";
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, msg);
        }
        ConnectionAbortedException error = new ConnectionAbortedException(msg);
        state = State.UNWRAPPED;
        wakeupWaiter(error);
        transport.abort();
    }

    private void wakeupWaiter(Throwable error) {
        if (waiter == null || waiter.isDone()) {
            return;
        }
        if (error == null) {
            waiter.setResult(null);
        } else {
            waiter.setException(error);
        }
    }

    /** An engine error: the alert goes out, the handshake (or the connection) fails. */
    private void failed(SSLException e) {
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP; i++) {
                wrap(EMPTY);
            }
        } catch (SSLException ignored) {
            // The alert is a courtesy to the peer; the original failure is what we report.
        }
        if (state == State.DO_HANDSHAKE) {
            handshakeComplete(new TlsHandshakeException(e.getMessage(), e));
        } else {
            fatalError(e, "Fatal error on SSL transport");
        }
    }

    // ------------------------------------------------------------------ application side

    /** Wraps and sends application data, or queues it until the handshake is done. */
    void writeApp(ByteBuffer data) throws SSLException {
        if (state == State.DO_HANDSHAKE) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            pending.addLast(copy);
            pendingSize += copy.remaining();
            return;
        }
        if (state != State.WRAPPED) {
            return;
        }
        while (data.hasRemaining()) {
            if (wrap(data).getStatus() == SSLEngineResult.Status.CLOSED) {
                return;
            }
        }
    }

    void write(ByteBuffer data) {
        try {
            writeApp(data);
        } catch (SSLException e) {
            failed(e);
        }
    }

    private void callAppEof() {
        if (appEof || !appConnected || appLost) {
            return;
        }
        appEof = true;
        try {
            if (app.eofReceived()) {
                LOG.log(System.Logger.Level.WARNING, "returning true from eofReceived() has no effect when using TLS");
            }
        } catch (Throwable t) {
            fatalError(t, "Error calling eofReceived()");
        }
    }

    private void closeNotifyReceived() throws SSLException {
        if (state == State.WRAPPED) {
            callAppEof();
            startShutdown();
        } else if (state == State.SHUTDOWN) {
            finishShutdown();
        }
    }

    /** Sends close_notify and waits (bounded) for the peer's before closing the socket. */
    void startShutdown() {
        if (state == State.DO_HANDSHAKE || state == State.UNWRAPPED) {
            state = State.UNWRAPPED;
            if (transport != null) {
                transport.abort();
            }
            return;
        }
        if (state != State.WRAPPED) {
            return;
        }
        state = State.SHUTDOWN;
        pending.clear();
        pendingSize = 0;
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                wrap(EMPTY);
            }
        } catch (SSLException e) {
            transport.abort();
            return;
        }
        if (engine.isInboundDone()) {
            finishShutdown();
        } else {
            shutdownTimer = loop.callLater(shutdownTimeout, () -> {
                if (loop.isDebug()) {
                    LOG.log(System.Logger.Level.DEBUG, appTransport + ": SSL shutdown timed out after "
                            + shutdownTimeout + " seconds");
                }
                transport.abort();
            });
        }
    }

    private void finishShutdown() {
        cancelTimers();
        transport.close();
    }

    void abort() {
        state = State.UNWRAPPED;
        if (transport != null) {
            transport.abort();
        }
    }

    private void cancelTimers() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        if (shutdownTimer != null) {
            shutdownTimer.cancel();
            shutdownTimer = null;
        }
    }

    private void fatalError(Throwable error, String message) {
        RuntimeException mapped = error instanceof IOException io ? IoErrors.map(io) : IoErrors.map(error);
        if (mapped instanceof io.aio4j.net.AioIOException) {
            if (loop.isDebug()) {
                LOG.log(System.Logger.Level.DEBUG, appTransport + ": " + message, mapped);
            }
        } else {
            loop.callExceptionHandler(ExceptionContext.forTransport(message, mapped, appTransport, app));
        }
        state = State.UNWRAPPED;
        if (transport != null) {
            transport.forceClose(mapped);
        }
    }
}
