package io.aio4j.internal.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.internal.loop.spi.LoopClock;
import io.aio4j.internal.loop.spi.Poller;
import io.aio4j.testing.Bounded;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The loop's poll bound (SelectorEventLoop's overview, "The poll"): while callbacks are ready it
 * skips the selector, but polls at least every {@link SelectorEventLoop#POLL_EVERY_ITERATIONS}
 * iterations and once {@link SelectorEventLoop#POLL_EVERY_NANOS} of busy work have passed, so
 * I/O is still served under a loop kept busy by {@code sleep(0)} tasks. Asserted as counts of
 * iterations and polls (a clock that only tests move), never as timings.
 */
class PollBoundTest {
    private static final int BUSY_TASKS = 4;

    /** A clock that moves only when told; a poller that counts its polls. */
    private static final class Counted {
        final AtomicLong now = new AtomicLong(1_000_000_000L);
        final List<Double> timeouts = new ArrayList<>();
        final SelectorEventLoop loop = new SelectorEventLoop(SelectorEventLoop.Mode.fromSystemProperty(), now::get,
                (real, engine) -> new Poller() {
                    @Override
                    public int poll(double timeoutSeconds) {
                        timeouts.add(timeoutSeconds);
                        return real.poll(timeoutSeconds);
                    }

                    @Override
                    public void wakeup() {
                        real.wakeup();
                    }
                }, null);
    }

    @Test
    void aReadablePipeIsServedWithinTheIterationBoundWhileSleepZeroTasksKeepTheLoopBusy() throws Exception {
        Bounded.run(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 5; round++) {
                SelectorEventLoop loop = new SelectorEventLoop();
                Pipe pipe = Pipe.open();
                try {
                    pipe.source().configureBlocking(false);
                    pipe.sink().write(ByteBuffer.wrap(new byte[] {42}));
                    long[] at = {-1, -1};
                    int[] served = {0};
                    loop.runUntilComplete(loop.createTask(() -> {
                        for (int i = 0; i < BUSY_TASKS; i++) {
                            Aio.createTask(() -> {
                                while (served[0] == 0) {
                                    Aio.sleep(0);
                                }
                                return null;
                            });
                        }
                        for (int i = 0; i < 3 * SelectorEventLoop.POLL_EVERY_ITERATIONS; i++) {
                            Aio.sleep(0); // well into the busy phase: the poll is being skipped
                        }
                        at[0] = loop.iterationCount();
                        loop.addReader(pipe.source(), () -> {
                            at[1] = loop.iterationCount();
                            served[0]++;
                            loop.removeReader(pipe.source());
                        });
                        while (served[0] == 0) {
                            Aio.sleep(0);
                        }
                        return null;
                    }));
                    assertEquals(1, served[0]);
                    long waited = at[1] - at[0];
                    assertTrue(waited >= 1 && waited <= SelectorEventLoop.POLL_EVERY_ITERATIONS,
                            "the ready pipe waited " + waited + " iterations of busy work (bound: "
                                    + SelectorEventLoop.POLL_EVERY_ITERATIONS + ")");
                } finally {
                    loop.close();
                    pipe.source().close();
                    pipe.sink().close();
                }
            }
        });
    }

    @Test
    void aBusyLoopPollsOncePerBoundOfIterationsWhenItsClockStands() throws Exception {
        Bounded.run(Duration.ofSeconds(30), () -> {
            Counted c = new Counted();
            try {
                int rounds = 20 * SelectorEventLoop.POLL_EVERY_ITERATIONS;
                long[] iterations = new long[2];
                int[] pollsBefore = new int[1];
                c.loop.runUntilComplete(c.loop.createTask(() -> {
                    Aio.sleep(0);
                    iterations[0] = c.loop.iterationCount();
                    pollsBefore[0] = c.timeouts.size();
                    for (int i = 0; i < rounds; i++) {
                        Aio.sleep(0);
                    }
                    iterations[1] = c.loop.iterationCount();
                    return null;
                }));
                long busy = iterations[1] - iterations[0];
                int polls = c.timeouts.size() - pollsBefore[0];
                assertTrue(busy >= rounds, "one iteration per sleep(0) at least: " + busy);
                // Exactly one poll in every POLL_EVERY_ITERATIONS busy iterations (the clock does not move).
                long expected = busy / SelectorEventLoop.POLL_EVERY_ITERATIONS;
                assertTrue(polls >= expected - 1 && polls <= expected + 1,
                        polls + " polls in " + busy + " busy iterations (expected about " + expected + ")");
                assertTrue(c.timeouts.stream().skip(pollsBefore[0]).limit(polls).allMatch(t -> t == 0),
                        "a busy loop's polls never wait: " + c.timeouts);
            } finally {
                c.loop.close();
            }
        });
    }

    @Test
    void aBusyLoopPollsInEveryIterationOnceTheTimeBoundHasPassed() throws Exception {
        Bounded.run(Duration.ofSeconds(30), () -> {
            Counted c = new Counted();
            try {
                int rounds = 200;
                long step = SelectorEventLoop.POLL_EVERY_NANOS;
                int[] pollsBefore = new int[1];
                long[] iterations = new long[2];
                c.loop.runUntilComplete(c.loop.createTask(() -> {
                    Aio.sleep(0);
                    iterations[0] = c.loop.iterationCount();
                    pollsBefore[0] = c.timeouts.size();
                    for (int i = 0; i < rounds; i++) {
                        c.now.addAndGet(step); // each step of the task is "long": the time bound passes every iteration
                        Aio.sleep(0);
                    }
                    iterations[1] = c.loop.iterationCount();
                    return null;
                }));
                long busy = iterations[1] - iterations[0];
                int polls = c.timeouts.size() - pollsBefore[0];
                assertTrue(polls >= busy - 1, polls + " polls in " + busy + " iterations that each outlasted the time bound");
            } finally {
                c.loop.close();
            }
        });
    }
}
