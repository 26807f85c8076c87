package io.aio4j.internal.net;

import io.aio4j.net.Transport;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * asyncio's {@code _SSLProtocolTransport}: what the application protocol of a TLS connection
 * writes to. Plain data goes through the {@link TlsProtocol}'s engine to the socket transport;
 * reading and flow control are the socket transport's. Loop thread only.
 */
public final class TlsTransport implements Transport {

    private final TlsProtocol tls;
    private boolean closing;
    private int writesAfterClose;

    TlsTransport(TlsProtocol tls) {
        this.tls = tls;
    }

    @Override
    public void write(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        if (closing) {
            writesAfterClose = FlowControl.writeAfterClose(writesAfterClose);
            return;
        }
        tls.write(data);
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("TLS transports cannot write EOF (canWriteEof() is false)");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        tls.startShutdown();
    }

    @Override
    public void abort() {
        closing = true;
        tls.abort();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void pauseReading() {
        SocketTransport t = tls.socketTransport();
        if (t != null) {
            t.pauseReading();
        }
    }

    @Override
    public void resumeReading() {
        SocketTransport t = tls.socketTransport();
        if (t != null) {
            t.resumeReading();
        }
    }

    @Override
    public boolean isReading() {
        SocketTransport t = tls.socketTransport();
        return !closing && t != null && t.isReading();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        FlowControl.checkLimits(high, low);
        SocketTransport t = tls.socketTransport();
        if (t != null) {
            t.setWriteBufferLimits(high, low);
        }
    }

    @Override
    public int writeBufferSize() {
        SocketTransport t = tls.socketTransport();
        return tls.pendingSize() + (t == null ? 0 : t.writeBufferSize());
    }

    @Override
    public Object extraInfo(String name) {
        SSLSession session = tls.engine().getSession();
        boolean done = tls.handshakeDone();
        switch (name) {
            case "sslcontext":
                return tls.context();
            case "sslsession":
                return done ? session : null;
            case "cipher":
                return done ? session.getCipherSuite() : null;
            case "alpn":
                String p = tls.engine().getApplicationProtocol();
                return p == null || p.isEmpty() ? null : p;
            case "peercert":
                try {
                    return done ? List.of(session.getPeerCertificates()) : null;
                } catch (SSLPeerUnverifiedException e) {
                    return null;
                }
            default:
                SocketTransport t = tls.socketTransport();
                return t == null ? null : t.extraInfo(name);
        }
    }

    @Override
    public String toString() {
        SocketTransport t = tls.socketTransport();
        return "<TlsTransport" + (closing ? " closing" : "") + " over " + t + ">";
    }
}
