package io.aio4j.internal.net;

import io.aio4j.Future;
import io.aio4j.internal.loop.SelectorEventLoop;
import io.aio4j.net.DatagramEndpoint;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.DatagramTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * asyncio's {@code _SelectorDatagramTransport}: a UDP endpoint on a non-blocking
 * {@link DatagramChannel}. Datagrams the socket cannot take at once are queued in order; errors
 * of single datagrams go to {@link DatagramProtocol#errorReceived}. Loop thread only.
 */
public final class DatagramSocketTransport implements DatagramTransport {
    private static final int MAX_DATAGRAM = 65536;

    private record Outgoing(ByteBuffer data, SocketAddress to) { }

    private final SelectorEventLoop loop;
    private final DatagramChannel channel;
    private final DatagramProtocol protocol;
    private final Readiness readiness;
    private final SocketAddress remote;
    private final ArrayDeque<Outgoing> buffer = new ArrayDeque<>();
    private final ByteBuffer readBuf = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final Runnable onWritable = this::writeReady;
    private int bufferSize;
    private boolean closing;
    private boolean lost;

    private DatagramSocketTransport(SelectorEventLoop loop, DatagramChannel channel, DatagramProtocol protocol,
            SocketAddress remote) {
        this.loop = loop;
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        this.readiness = Readiness.of(loop, channel);
        loop.callSoon(() -> protocol.connectionMade(this));
        loop.callSoon(() -> {
            if (!closing) {
                readiness.setReader(this::readReady);
            }
        });
    }

    /** asyncio's {@code create_datagram_endpoint}: binds to {@code local} and/or connects to {@code remote}. */
    public static <P extends DatagramProtocol> Future<DatagramEndpoint<P>> create(SelectorEventLoop loop,
            Supplier<P> factory, InetSocketAddress local, InetSocketAddress remote) {
        if (local == null && remote == null) {
            throw new IllegalArgumentException("unexpected address family: give local or remote");
        }
        InetSocketAddress any = local != null ? local : remote;
        Future<DatagramEndpoint<P>> f = loop.createFuture();
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open(Resolver.familyOf(any));
            ch.configureBlocking(false);
            if (local != null) {
                ch.bind(local);
            }
            if (remote != null) {
                ch.connect(remote);
            }
            P protocol = factory.get();
            DatagramSocketTransport t = new DatagramSocketTransport(loop, ch, protocol, remote);
            Future<Void> ready = loop.createFuture();
            loop.callSoon(() -> ready.setResult(null));
            ready.addDoneCallback(r -> f.setResult(new DatagramEndpoint<>(t, protocol)));
        } catch (IOException e) {
            if (ch != null) {
                Connect.closeQuietly(ch);
            }
            f.setException(IoErrors.map(e));
        }
        return f;
    }

    private void readReady() {
        for (int i = 0; i < 16 && !closing; i++) {
            readBuf.clear();
            SocketAddress from;
            try {
                from = channel.receive(readBuf);
            } catch (IOException e) {
                protocol.errorReceived(IoErrors.map(e));
                return;
            }
            if (from == null) {
                return;
            }
            readBuf.flip();
            byte[] data = new byte[readBuf.remaining()];
            readBuf.get(data);
            ProtocolCalls.callSafely(loop, "Fatal error: protocol.datagramReceived() call failed.", this, protocol,
                    () -> protocol.datagramReceived(ByteBuffer.wrap(data), from));
        }
    }

    @Override
    public void sendto(ByteBuffer data, SocketAddress to) {
        if (remote != null && to != null && !to.equals(remote)) {
            throw new IllegalArgumentException("Invalid address: must be null or " + remote);
        }
        if (remote == null && to == null) {
            throw new IllegalArgumentException("Invalid address: must be given, the endpoint has no remote");
        }
        if (closing) {
            return;
        }
        SocketAddress target = to != null ? to : remote;
        if (buffer.isEmpty()) {
            try {
                int n = remote != null ? channel.write(data) : channel.send(data, target);
                if (n > 0 || !data.hasRemaining()) {
                    return;
                }
            } catch (IOException e) {
                protocol.errorReceived(IoErrors.map(e));
                return;
            }
            readiness.setWriter(onWritable);
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        buffer.addLast(new Outgoing(copy, target));
        bufferSize += copy.remaining();
    }

    private void writeReady() {
        while (!buffer.isEmpty()) {
            Outgoing o = buffer.peekFirst();
            int size = o.data.remaining();
            try {
                int n = remote != null ? channel.write(o.data) : channel.send(o.data, o.to);
                if (n == 0 && size > 0) {
                    return;
                }
            } catch (IOException e) {
                protocol.errorReceived(IoErrors.map(e));
            }
            buffer.pollFirst();
            bufferSize -= size;
        }
        readiness.removeWriter();
        if (closing) {
            connectionLost(null);
        }
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        readiness.removeReader();
        if (buffer.isEmpty()) {
            loop.callSoon(() -> connectionLost(null));
        }
    }

    @Override
    public void abort() {
        buffer.clear();
        bufferSize = 0;
        readiness.removeWriter();
        if (!closing) {
            closing = true;
            readiness.removeReader();
        }
        loop.callSoon(() -> connectionLost(null));
    }

    private void connectionLost(Throwable error) {
        if (lost) {
            return;
        }
        lost = true;
        try {
            protocol.connectionLost(error);
        } finally {
            Connect.closeQuietly(channel);
        }
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public int writeBufferSize() {
        return bufferSize;
    }

    @Override
    public Object extraInfo(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return switch (name) {
                case "peername" -> remote;
                case "sockname" -> channel.getLocalAddress();
                case "socket" -> channel;
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "<DatagramTransport" + (closing ? " closing" : "") + " remote=" + remote + " bufsize=" + bufferSize + ">";
    }
}
