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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * Closing the client closes its socket, so its reader thread ends: quietly, without telling a
     * loop that may be shut down already (a Netty loop or an executor shut down after the client is
     * closed rejects the work: the reader died of RejectedExecutionException in every session).
     */
    @Test
    void theReaderEndsQuietlyWhenTheClientIsClosed() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean shutDown = new AtomicBoolean();
        Executor onLoop = r -> {
            if (shutDown.get()) {
                throw new RejectedExecutionException("the loop is shut down");
            }
            executor.execute(r);
        };
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            LineClient client = LineClient.connect(Txaio.withConfig(executor), onLoop, server.port(), 5);
            // As a backend shut down right after the client: from now on the loop rejects work.
            executor.submit(() -> {
                shutDown.set(true);
                client.close();
            }).get(10, TimeUnit.SECONDS);
            // The reader sees its socket closed within milliseconds; a death would be reported by then.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (uncaught.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of(), uncaught, "the reader thread died");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            executor.shutdownNow();
        }
    }
}
