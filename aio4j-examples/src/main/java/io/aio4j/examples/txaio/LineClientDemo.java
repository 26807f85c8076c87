package io.aio4j.examples.txaio;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.TxApi;
import io.aio4j.txaio.TxFuture;
import io.aio4j.txaio.Txaio;
import io.netty.channel.DefaultEventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same {@link LineClient} session on aio4j, Netty and the JDK: three requests, one of
 * which times out, gathered into one list.
 *
 * <p>Run: {@code java io.aio4j.examples.txaio.LineClientDemo}.
 */
public final class LineClientDemo {
    private LineClientDemo() {
    }

    /** The session, written once: it runs on the loop of {@code txa}. */
    static CompletableFuture<List<Object>> session(TxApi txa, Executor onLoop, int port) {
        CompletableFuture<List<Object>> done = new CompletableFuture<>();
        onLoop.execute(() -> {
            LineClient client = LineClient.connect(txa, onLoop, port, 1.0);
            List<TxFuture<String>> replies = List.of(client.request("hello"), client.request("txaio"), client.request("slow"));
            TxFuture<List<Object>> all = txa.gather(replies, true);
            txa.addCallbacks(all, results -> {
                client.close();
                done.complete(results);
                return results;
            }, failure -> {
                client.close();
                done.completeExceptionally(failure.value());
                return null;
            });
        });
        return done;
    }

    private static void print(TxApi txa, List<Object> results) {
        StringBuilder line = new StringBuilder(String.format("%-6s", txa.backend() + ":"));
        for (Object r : results) {
            line.append("  ").append(r instanceof IFailedFuture f ? "failed: " + txa.failureMessage(f) : r);
        }
        System.out.println(line);
    }

    /** Starts the server, then runs the session on each backend in turn. */
    public static void main(String[] args) throws Exception {
        try (ReverseServer server = new ReverseServer()) {
            try (EventLoop loop = Aio.newEventLoop()) {
                TxApi txa = Txaio.withConfig(loop);
                CompletableFuture<List<Object>> done = session(txa, loop::callSoonThreadsafe, server.port());
                print(txa, loop.runUntilComplete(Future.of(done, loop)));
            }

            DefaultEventLoop netty = new DefaultEventLoop();
            try {
                TxApi txa = Txaio.withConfig(netty);
                print(txa, session(txa, netty::execute, server.port()).get(5, TimeUnit.SECONDS));
            } finally {
                netty.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }

            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
            try {
                TxApi txa = Txaio.withConfig(executor);
                print(txa, session(txa, executor::execute, server.port()).get(5, TimeUnit.SECONDS));
            } finally {
                executor.shutdownNow();
            }
        }
    }
}
