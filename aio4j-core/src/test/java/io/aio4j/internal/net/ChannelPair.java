package io.aio4j.internal.net;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** Two connected non-blocking loopback channels, made with the loop's sock* operations (inside a task). */
record ChannelPair(SocketChannel client, SocketChannel server) {

    /** A listener on 127.0.0.1, any port, non-blocking. */
    static ServerSocketChannel listen() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
        return listener;
    }

    /** Connects a new client to {@code listener} and accepts it. */
    static ChannelPair connect(ServerSocketChannel listener) throws IOException {
        EventLoop loop = Aio.getRunningLoop();
        Future<SocketChannel> accepted = loop.sockAccept(listener);
        SocketChannel client = SocketChannel.open();
        client.configureBlocking(false);
        Aio.await(loop.sockConnect(client, listener.getLocalAddress()));
        return new ChannelPair(client, Aio.await(accepted));
    }
}
