package io.aio4j.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** Runs sample test classes through the JUnit engine and checks how {@code @AioTest} judges them. */
@Timeout(60)
class AioTestExtensionTest {

    @Test
    void aPassingBodyPassesAndRunsAsATaskOfTheParameterLoop() {
        run(Passing.class).testEvents().assertThatEvents().haveExactly(1, event(test("runsOnTheLoop"), finishedSuccessfully()));
    }

    @Test
    void aTaskLeftPendingFailsTheTest() {
        run(LeavesATask.class).testEvents().assertThatEvents().haveExactly(1, event(test("leavesATask"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("tasks left pending at the end of the test")))));
    }

    @Test
    void aReportToTheExceptionHandlerFailsTheTest() {
        run(ReportsAnError.class).testEvents().assertThatEvents().haveExactly(1, event(test("callbackThrows"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("Exception in callback") && m.contains("boom")))));
    }

    @Test
    void theBodysOwnFailureIsReportedAsIs() {
        run(FailsItself.class).testEvents().assertThatEvents().haveExactly(1, event(test("fails"),
                finishedWithFailure(instanceOf(IllegalStateException.class), message("mine"))));
    }

    @Test
    void aBodyRunningPastItsTimeoutIsCancelledAndFails() {
        run(TooSlow.class).testEvents().assertThatEvents().haveExactly(1, event(test("waitsForever"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("@AioTest timed out after 0.2 seconds of real time")))));
    }

    private static org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    static class Passing {
        @AioTest
        void runsOnTheLoop(TestLoop loop, EventLoop same) {
            if (Aio.getRunningLoop() != loop || same != loop || Aio.currentTask() == null || !loop.isDebug()) {
                throw new AssertionError("not the main task of the test's loop in debug mode");
            }
        }
    }

    static class LeavesATask {
        @AioTest
        void leavesATask() {
            Aio.createTask(() -> {
                Aio.sleep(3600);
            });
            Aio.sleep(0);
        }
    }

    static class ReportsAnError {
        @AioTest
        void callbackThrows(EventLoop loop) {
            loop.callSoon(() -> {
                throw new IllegalStateException("boom");
            });
            Aio.sleep(0);
        }
    }

    static class FailsItself {
        @AioTest
        void fails() {
            Aio.sleep(1);
            throw new IllegalStateException("mine");
        }
    }

    static class TooSlow {
        @AioTest(timeout = 0.2)
        void waitsForever(EventLoop loop) {
            Task<Void> never = Aio.createTask(() -> {
                Aio.await(loop.<Void>createFuture());
            });
            Aio.await(never);
        }
    }
}
