package io.aio4j.txaio.internal.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import io.aio4j.txaio.ILogger;
import io.aio4j.txaio.Txaio;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A txaio logger used by a callback on an aio4j loop's thread never waits for a task of that loop
 * holding the log handler, or the stream {@code startLogging} chose: in native mode only the loop's thread can run the task again, so that
 * wait would be for good (see core's LoopThreadLoggingTest).
 */
class LoggingOnTheLoopTest {
    private static final String NAMESPACE = "txaio.test.gate";
    private final Logger jul = Logger.getLogger(NAMESPACE);
    private final CountDownLatch inside = new CountDownLatch(1);
    /** A permit lets the task go. */
    private final Semaphore release = new Semaphore(0);
    private final List<String> written = new CopyOnWriteArrayList<>();
    /** Keeps its lock while the task's record waits, as a handler writing to a busy stream does. */
    private final Handler gate = new Handler() {
        @Override
        public synchronized void publish(LogRecord r) {
            if (r.getMessage().equals("held")) {
                inside.countDown();
                release.acquireUninterruptibly();
            }
            written.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LoggingOnTheLoopTest() {
        LogSystem.resetForTests(Clock.systemUTC());
        jul.setUseParentHandlers(false);
        jul.setLevel(Level.ALL);
    }

    @AfterEach
    void restore() {
        release.release();
        jul.removeHandler(gate);
        jul.setUseParentHandlers(true);
        jul.setLevel(null);
        LogSystem.resetForTests(Clock.systemUTC());
    }

    @Test
    void aCallbackLogsWhileATaskHoldsTheHandler() throws Exception {
        jul.addHandler(gate);
        runWhileATaskHoldsTheLog();
    }

    @Test
    void aCallbackLogsWhileATaskHoldsTheStartLoggingStream() throws Exception {
        // startLogging's stream: LogSystem writes a line holding the stream's lock, here while the
        // stream itself waits.
        LogSystem.startLogging(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                String text = new String(b, off, len, StandardCharsets.UTF_8).strip();
                if (text.endsWith(" held")) {
                    inside.countDown();
                    release.acquireUninterruptibly();
                }
                if (!text.isEmpty()) {
                    written.add(text.substring(text.indexOf(' ') + 1));
                }
            }
        }, true, StandardCharsets.UTF_8), "info");
        runWhileATaskHoldsTheLog();
    }

    /**
     * A task logs "held" and is kept inside the log's lock; a callback then logs "from a callback"
     * on the loop's thread. The loop must go on (three more turns of its main task) before the
     * task is let go, then finish, and both records are written in the end.
     */
    private void runWhileATaskHoldsTheLog() throws Exception {
        EventLoop loop = Aio.newEventLoop();
        ILogger log = Txaio.withConfig(loop).makeLogger(NAMESPACE);
        boolean nativeMode = loop.toString().contains("mode=native");
        assumeTrue(!nativeMode || Runtime.version().feature() >= 24, "a virtual thread unmounts inside synchronized from JDK 24");
        AtomicBoolean wentOn = new AtomicBoolean();
        Thread runner = Thread.ofPlatform().daemon().name("txaio-loop-under-test").start(() -> loop.runUntilComplete(Aio.async(() -> {
            Task<Void> holder = Aio.createTask(() -> {
                log.warn("held");
                return null;
            });
            while (inside.getCount() > 0) {
                Aio.sleep(0.001);
            }
            loop.callSoon(() -> log.warn("from a callback"));
            for (int i = 0; i < 3; i++) {
                Aio.sleep(0);
            }
            wentOn.set(true);
            Aio.await(holder);
            return null;
        })));

        assertTrue(inside.await(10, TimeUnit.SECONDS), "the task never reached the handler");
        // Compatibility mode: the task keeps its turn while it waits (a JDK blocking call in a task blocks the loop there).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(nativeMode ? 10 : 1);
        while (!wentOn.get() && runner.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean wentOnWhileHeld = wentOn.get();
        release.release();
        runner.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(runner.isAlive(), "the loop's thread is stuck in " + runner.getState());
        if (nativeMode) {
            assertTrue(wentOnWhileHeld, "the loop did not go on while a task held the log handler");
        }
        loop.close();
        long writtenBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!written.containsAll(List.of("held", "from a callback"))) {
            assertTrue(System.nanoTime() < writtenBy, () -> "not all written: " + written);
            Thread.sleep(5);
        }
    }
}
