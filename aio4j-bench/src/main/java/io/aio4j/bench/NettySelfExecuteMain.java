package io.aio4j.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java … io.aio4j.bench.NettySelfExecuteMain N}: Netty's closest equivalent of a task's
 * {@code sleep(0)} loop, a task that re-submits itself N times to an NIO event loop, for
 * {@code strace -c} (LoopVsUvloop counts the system calls per operation).
 */
public final class NettySelfExecuteMain {
    private NettySelfExecuteMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CountDownLatch done = new CountDownLatch(1);
        var loop = group.next();
        loop.execute(new Runnable() {
            int left = n;

            @Override
            public void run() {
                if (--left == 0) {
                    done.countDown();
                } else {
                    loop.execute(this);
                }
            }
        });
        done.await();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
