package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.ExceptionContext;
import io.aio4j.test.CancellationSweep.Result;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.opentest4j.AssertionFailedError;

/** The sweep itself: it cancels at every iteration, and each leak it promises to find fails it. */
@Timeout(60)
class CancellationSweepTest {

    @Test
    void aSafeBodyIsCancelledAtEveryIterationAndPasses() {
        List<Integer> cancelPoints = new ArrayList<>();
        Result r = CancellationSweep.of(() -> {
            for (int i = 0; i < 5; i++) {
                Aio.sleep(0);
            }
            return "done";
        }).check((nothing, o) -> {
            cancelPoints.add(o.cancelAt());
            if (o.completed()) {
                assertEquals("done", o.value());
            }
        }).run();
        assertTrue(r.iterations() >= 5, r.toString());
        assertEquals(r.iterations() + 1, r.runs());
        assertEquals(r.runs(), r.cancelled() + r.completed());
        assertTrue(r.cancelled() >= 5, r.toString());
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k <= r.iterations(); k++) {
            expected.add(k);
        }
        assertEquals(expected, cancelPoints, "the counting run, then each iteration once");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDescriptorLeakedOnCancellationFailsTheSweep() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> CancellationSweep.of(() -> {
            SocketChannel ch = SocketChannel.open();
            Aio.sleep(0.01);
            ch.close(); // not reached when cancelled: the channel leaks
            return null;
        }).run());
        assertTrue(e.getMessage().contains("cancelled at iteration ")
                && e.getMessage().contains("descriptors left open: [") && e.getMessage().contains("socket:["),
                e.getMessage());
    }

    @Test
    void aTaskLeftPendingFailsTheSweep() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> CancellationSweep.of(() -> {
            Aio.createTask(() -> Aio.sleep(3600));
            return null;
        }).run());
        assertTrue(e.getMessage().contains("counting run") && e.getMessage().contains("tasks left pending"),
                e.getMessage());
    }

    @Test
    void aReportToTheExceptionHandlerFailsTheSweepUnlessAllowed() {
        CancellationSweep<Void> sweep = CancellationSweep.of(() -> {
            Aio.getRunningLoop().callSoon(() -> {
                throw new IllegalStateException("internal error");
            });
            Aio.sleep(0);
            return null;
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class, sweep::run);
        assertTrue(e.getMessage().contains("the exception handler was called")
                && e.getMessage().contains("IllegalStateException: internal error"), e.getMessage());
        sweep.allowReports(ExceptionContext.class::isInstance).run();
    }

    @Test
    void aBodyFailingWithAnotherExceptionFailsTheSweep() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> CancellationSweep.of(() -> {
            try {
                Aio.sleep(0);
            } catch (io.aio4j.CancelledException c) {
                throw new IllegalArgumentException("turned a cancellation into an error");
            }
            return null;
        }).run());
        assertTrue(e.getMessage().contains("cancelled at iteration ") && e.getMessage().contains("the body failed"),
                e.getMessage());
    }

    @Test
    void aLostItemFailsTheCheck() {
        io.aio4j.queue.Queue<Integer>[] q = new io.aio4j.queue.Queue[1];
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> CancellationSweep.withPeer(loop -> {
            q[0] = new io.aio4j.queue.Queue<>();
            q[0].putNowait(1);
            return q[0];
        }).body(queue -> {
            int item = queue.getNowait();
            Aio.sleep(0); // cancelled here, the item taken is dropped
            return item;
        }).check((queue, o) -> assertEquals(1, o.completed() ? o.value() : queue.isEmpty() ? null : queue.getNowait(),
                "the item is delivered or still queued")).run());
        assertTrue(e.getMessage().contains("the item is delivered or still queued"), e.getMessage());
    }

    @Test
    void aHangIsReportedAsOne() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> CancellationSweep.of(() -> {
            Aio.await(Aio.getRunningLoop().createFuture());
            return null;
        }).configure(loop -> loop.setAutojump(false)).runTimeout(0.5).run());
        assertTrue(e.getMessage().contains("hung"), e.getMessage());
    }
}
