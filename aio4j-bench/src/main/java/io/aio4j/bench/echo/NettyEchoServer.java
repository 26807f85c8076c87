package io.aio4j.bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty 4.2 peer of the echo benchmark: {@code [nio|epoll] PORT [THREADS]}: the JDK selector
 * (the default) or Netty's native epoll transport, one event-loop thread for accepting and serving
 * (or {@code THREADS} of them: one accepts and hands connections out round robin, all serve),
 * Netty's default pooled direct buffers.
 */
public final class NettyEchoServer {
    private NettyEchoServer() {
    }

    /** Writes back each read and flushes once per read batch, the usual Netty echo. */
    @ChannelHandler.Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** {@code [nio|epoll] PORT [THREADS]}: NIO when the transport is left out, one thread unless given. */
    public static void main(String[] args) throws InterruptedException {
        boolean named = args[0].equals("nio") || args[0].equals("epoll");
        String transport = named ? args[0] : "nio";
        int first = named ? 1 : 0;
        int port = Integer.parseInt(args[first]);
        int threads = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 1;
        boolean epoll = transport.equals("epoll");
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        try {
            Echo echo = new Echo();
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(echo);
            System.out.println("netty " + transport + " echo server (" + threads + " event-loop threads) on 127.0.0.1:"
                    + port);
            b.bind("127.0.0.1", port).sync().channel().closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }
}
