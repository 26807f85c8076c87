package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.net.ConnectOptions;
import io.aio4j.net.ServerOptions;
import io.aio4j.tls.TlsContext;
import io.aio4j.tls.TlsOptions;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code Duration} overloads: each means what its {@code double} sibling means, and a duration
 * too long for {@link Duration#toNanos()} is "never" (+Infinity seconds), as the {@code double}
 * overloads take infinity. Regression: {@code callLater(Duration)} and {@code Aio.sleep(Duration)}
 * threw {@link ArithmeticException} past about 292 years.
 */
@Timeout(20)
class DurationOverloadsTest {
    private static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

    @Test
    void callLaterWithAnEndlessDurationIsATimerThatNeverFires() {
        try (EventLoop loop = Aio.newEventLoop()) {
            List<String> calls = new ArrayList<>();
            TimerHandle never = loop.callLater(FOREVER, () -> calls.add("never"));
            TimerHandle huge = loop.callLater(Duration.ofSeconds(Long.MAX_VALUE), () -> calls.add("huge"));
            assertEquals(Double.POSITIVE_INFINITY, never.when());
            assertEquals(Double.POSITIVE_INFINITY, huge.when());
            loop.callLater(Duration.ofMillis(20), loop::stop);
            loop.runForever();
            assertEquals(List.of(), calls);
            never.cancel();
            huge.cancel();
        }
    }

    @Test
    void sleepWithAnEndlessDurationSleepsUntilCancelled() {
        Aio.run(() -> {
            Task<Void> sleeper = Aio.createTask(() -> Aio.sleep(FOREVER));
            Aio.sleep(Duration.ofMillis(10));
            assertFalse(sleeper.isDone());
            sleeper.cancel();
            assertThrows(CancelledException.class, () -> Aio.await(sleeper));
        });
    }

    @Test
    void waitForAndTimeoutWithAnEndlessDurationNeverTimeOut() {
        String r = Aio.run(() -> {
            Task<String> slow = Aio.createTask(() -> {
                Aio.sleep(0.02);
                return "done";
            });
            String a = Aio.waitFor(slow, FOREVER);
            String b = Aio.timeout(FOREVER, () -> "inside");
            io.aio4j.Timeout[] seen = new io.aio4j.Timeout[1];
            Aio.timeout(Duration.ofSeconds(Long.MAX_VALUE), t -> {
                seen[0] = t;
                return null;
            });
            assertEquals(Double.POSITIVE_INFINITY, seen[0].when());
            return a + " " + b;
        });
        assertEquals("done inside", r);
    }

    @Test
    void aShortDurationTimesOutLikeItsDoubleSibling() {
        Aio.run(() -> {
            Task<Void> stuck = Aio.createTask(() -> Aio.sleep(3600));
            assertThrows(TimeoutException.class, () -> Aio.waitFor(stuck, Duration.ofMillis(10)));
            assertTrue(stuck.isCancelled());
            assertThrows(TimeoutException.class, () -> Aio.timeout(Duration.ofMillis(10), () -> Aio.sleep(3600)));
            Done<Void> d = Aio.wait(List.of(Aio.createTask(() -> Aio.sleep(3600))), Duration.ofMillis(10), ReturnWhen.ALL_COMPLETED);
            assertEquals(1, d.pending().size());
            d.pending().forEach(Future::cancel);
        });
    }

    @Test
    void optionsTakeDurations() {
        assertEquals(2.5, ConnectOptions.defaults().handshakeTimeout(Duration.ofMillis(2500)).handshakeTimeout());
        assertEquals(Double.POSITIVE_INFINITY, ConnectOptions.defaults().shutdownTimeout(FOREVER).shutdownTimeout());
        assertEquals(7.0, ServerOptions.defaults().handshakeTimeout(Duration.ofSeconds(7)).handshakeTimeout());
        assertEquals(0.5, ServerOptions.defaults().shutdownTimeout(Duration.ofMillis(500)).shutdownTimeout());
        TlsOptions tls = TlsOptions.client(TlsContext.client());
        assertEquals(3.0, tls.handshakeTimeout(Duration.ofSeconds(3)).handshakeTimeout());
        assertEquals(Double.POSITIVE_INFINITY, tls.shutdownTimeout(FOREVER).shutdownTimeout());
        // The same checks as the double versions: zero or negative is refused.
        assertThrows(IllegalArgumentException.class, () -> ConnectOptions.defaults().handshakeTimeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> ServerOptions.defaults().shutdownTimeout((Duration) null));
    }

    @Test
    void loopSettingsTakeDurations() {
        try (EventLoop loop = Aio.newEventLoop()) {
            loop.setSlowCallbackDuration(Duration.ofMillis(250));
            assertEquals(0.25, loop.slowCallbackDuration());
        }
        double seen = Aio.run(() -> Aio.getRunningLoop().slowCallbackDuration(),
                Aio.options().slowCallbackDuration(Duration.ofMillis(40)));
        assertEquals(0.04, seen, 1e-12);
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Aio.await(loop.runInExecutor(null, () -> "warm"));
            Aio.await(loop.shutdownDefaultExecutor(Duration.ofSeconds(5)));
        });
    }
}
