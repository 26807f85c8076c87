package io.aio4j.examples.txaio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.Txaio;
import io.netty.channel.DefaultEventLoop;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The line client session gives the same results on the three backends.
 */
@Timeout(20)
class LineClientDemoTest {
    private final ReverseServer server;

    LineClientDemoTest() throws Exception {
        server = new ReverseServer();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private static void assertSessionResults(List<Object> results) {
        assertEquals("olleh", results.get(0));
        assertEquals("oiaxt", results.get(1));
        assertInstanceOf(TimeoutException.class, assertInstanceOf(IFailedFuture.class, results.get(2)).value());
    }

    @Test
    void sessionOnAio4j() {
        try (EventLoop loop = Aio.newEventLoop()) {
            TxApi txa = Txaio.withConfig(loop);
            var done = LineClientDemo.session(txa, loop::callSoonThreadsafe, server.port());
            assertSessionResults(loop.runUntilComplete(Future.of(done, loop)));
        }
    }

    @Test
    void sessionOnNetty() throws Exception {
        DefaultEventLoop netty = new DefaultEventLoop();
        try {
            TxApi txa = Txaio.withConfig(netty);
            assertSessionResults(LineClientDemo.session(txa, netty::execute, server.port()).get(10, TimeUnit.SECONDS));
        } finally {
            netty.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    @Test
    void sessionOnJdk() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            TxApi txa = Txaio.withConfig(executor);
            assertSessionResults(LineClientDemo.session(txa, executor::execute, server.port()).get(10, TimeUnit.SECONDS));
        } finally {
            executor.shutdownNow();
        }
    }
}
