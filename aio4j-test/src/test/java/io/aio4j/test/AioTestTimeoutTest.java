package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** {@code @AioTest(timeoutDuration = "…")}: a real-time limit written with its unit. */
@Timeout(60)
class AioTestTimeoutTest {

    @Test
    void junitStyleAndIsoTextsAreSeconds() {
        assertEquals(0.5, TimeoutText.seconds("500ms"));
        assertEquals(30.0, TimeoutText.seconds("30 s"));
        assertEquals(30.0, TimeoutText.seconds("30"));
        assertEquals(120.0, TimeoutText.seconds("2m"));
        assertEquals(7200.0, TimeoutText.seconds("2H"));
        assertEquals(86400.0, TimeoutText.seconds("1d"));
        assertEquals(0.25, TimeoutText.seconds("250000us"));
        assertEquals(0.25, TimeoutText.seconds("250000μs"));
        assertEquals(1e-6, TimeoutText.seconds("1000ns"));
        assertEquals(1.5, TimeoutText.seconds("1.5s"));
        assertEquals(90.0, TimeoutText.seconds("PT1M30S"));
        assertEquals(0.2, TimeoutText.seconds("pt0.2s"));
    }

    @Test
    void limitsPastWhatNanosHoldMeanNone() {
        assertEquals(Double.POSITIVE_INFINITY, TimeoutText.seconds("1000000d"));
        assertEquals(Double.POSITIVE_INFINITY, TimeoutText.seconds("99999999999999999999999s"));
        assertEquals(Double.POSITIVE_INFINITY, TimeoutText.seconds("PT2562047788015216H"));
    }

    @Test
    void aTextThatIsNoDurationIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeoutText.seconds("soon"));
        assertTrue(e.getMessage().startsWith("@AioTest timeoutDuration is not a duration: 'soon'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeoutText.seconds("5 fortnights"));
        assertThrows(IllegalArgumentException.class, () -> TimeoutText.seconds("P-nonsense"));
    }

    @Test
    void aBodyRunningPastItsTimeoutDurationIsCancelledAndFails() {
        run(TooSlow.class).testEvents().assertThatEvents().haveExactly(1, event(test("waitsForever"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("@AioTest timed out after 0.2 seconds of real time")))));
    }

    @Test
    void theDurationReplacesTheSecondsAndVirtualTimeIsNotCounted() {
        run(InTime.class).testEvents().assertThatEvents().haveExactly(1, event(test("sleepsAnHourOfLoopTime"), finishedSuccessfully()));
    }

    @Test
    void aBadTimeoutDurationFailsTheTestWithTheReason() {
        run(BadText.class).testEvents().assertThatEvents().haveExactly(1, event(test("neverRuns"),
                finishedWithFailure(instanceOf(IllegalArgumentException.class),
                        message(m -> m.startsWith("@AioTest timeoutDuration is not a duration: 'eventually'")))));
    }

    private static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    static class TooSlow {
        @AioTest(timeout = 300, timeoutDuration = "200ms")
        void waitsForever(EventLoop loop) {
            Aio.await(loop.<Void>createFuture());
        }
    }

    static class InTime {
        @AioTest(timeout = 0.001, timeoutDuration = "PT30S")
        void sleepsAnHourOfLoopTime(TestLoop loop) {
            Aio.sleep(3600);
            if (loop.time() < 3600) {
                throw new AssertionError("virtual time did not move");
            }
        }
    }

    static class BadText {
        @AioTest(timeoutDuration = "eventually")
        void neverRuns() {
        }
    }
}
