package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @AioTest} with JUnit's lifecycle: {@code @BeforeEach}/{@code @AfterEach} on the test's
 * loop, {@code @ParameterizedTest} and {@code @RepeatedTest} through {@code @WithTestLoop}, and
 * the background scope cancelled at the end of the test.
 */
@Timeout(60)
class AioTestLifecycleTest {
    static final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Test
    void beforeAndAfterEachRunAsTasksOfTheTestsLoop() {
        seen.clear();
        EngineExecutionResults results = AioTestChecksTest.run(WithSetUp.class);
        results.testEvents().assertThatEvents().haveExactly(1, event(test("usesWhatSetUpStarted"), finishedSuccessfully()));
        assertEquals(List.of("before on the loop", "test on the same loop", "after on the same loop, server still up"), seen);
    }

    @Test
    void aTaskLeftByAfterEachFailsTheTestAfterAfterEach() {
        AioTestChecksTest.run(LeavesATaskInAfterEach.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("passesItself"), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("tasks left pending at the end of the test") && m.contains("leftover")))));
    }

    @Test
    void eachInvocationOfAParameterizedTestGetsItsOwnLoopAndChecks() {
        seen.clear();
        EngineExecutionResults results = AioTestChecksTest.run(Parameterized.class);
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("[2] n=2"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("tasks left pending at the end of the test")))));
        assertEquals(3, seen.stream().distinct().count(), seen::toString);
    }

    @Test
    void eachRepetitionGetsAFreshLoopAtVirtualTimeZero() {
        EngineExecutionResults results = AioTestChecksTest.run(Repeated.class);
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    }

    @Test
    void backgroundTasksAreCancelledAtTheEndWithoutFailingTheTest() {
        seen.clear();
        AioTestChecksTest.run(Background.class, "serverRunsAlongside").testEvents().assertThatEvents()
                .haveExactly(1, event(test("serverRunsAlongside"), finishedSuccessfully()));
        assertEquals(List.of("child cancelled", "heartbeat cancelled"), seen.stream().sorted().toList());
    }

    @Test
    void aFailedBackgroundTaskFailsTheTest() {
        AioTestChecksTest.run(Background.class, "backgroundFails").testEvents().assertThatEvents().haveExactly(1,
                event(test("backgroundFails"), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("Task exception was never retrieved") && m.contains("broken")))));
    }

    static class WithSetUp {
        private TestLoop loop;
        private Task<Void> server;

        @BeforeEach
        void setUp(TestLoop loop) {
            this.loop = loop;
            assertSame(loop, Aio.getRunningLoop());
            server = loop.backgroundScope().createTask(() -> {
                Aio.sleep(1e6);
            }, "server");
            Aio.sleep(5);
            seen.add("before on the loop");
        }

        @AioTest
        void usesWhatSetUpStarted(EventLoop same) {
            assertSame(loop, same);
            assertSame(loop, Aio.getRunningLoop());
            assertEquals(5.0, loop.time(), 1e-9);
            assertTrue(!server.isDone());
            seen.add("test on the same loop");
        }

        @AfterEach
        void tearDown(TestLoop same) {
            assertSame(loop, same);
            assertSame(loop, Aio.getRunningLoop());
            seen.add("after on the same loop" + (server.isDone() ? "" : ", server still up"));
        }
    }

    static class LeavesATaskInAfterEach {
        @AioTest
        void passesItself() {
            Aio.sleep(1);
        }

        @AfterEach
        void tearDown() {
            Aio.createTask(() -> {
                Aio.sleep(3600);
            }, "leftover");
            Aio.sleep(0);
        }
    }

    static class Parameterized {
        @ParameterizedTest(name = "[{index}] n={0}")
        @ValueSource(ints = {1, 2, 3})
        @WithTestLoop
        void eachOnItsLoop(int n, TestLoop loop) {
            assertSame(loop, Aio.getRunningLoop());
            seen.add(System.identityHashCode(loop) + "");
            Aio.sleep(n);
            assertEquals(n, loop.time(), 1e-9);
            if (n == 2) {
                Aio.createTask(() -> {
                    Aio.sleep(3600);
                });
                Aio.sleep(0);
            }
        }
    }

    static class Repeated {
        static TestLoop previous;

        @RepeatedTest(3)
        @WithTestLoop(timeoutDuration = "20s")
        void freshEachTime(TestLoop loop) {
            assertNotSame(previous, loop);
            previous = loop;
            assertEquals(0.0, loop.time());
            Aio.sleep(10);
        }
    }

    static class Background {
        @AioTest
        void serverRunsAlongside(TestLoop loop, BackgroundScope background) {
            assertSame(loop.backgroundScope(), background);
            background.createTask(() -> {
                Aio.createTask(() -> {
                    try {
                        Aio.sleep(1e6);
                    } finally {
                        seen.add("child cancelled");
                    }
                });
                try {
                    while (true) {
                        Aio.sleep(1);
                    }
                } finally {
                    seen.add("heartbeat cancelled");
                }
            });
            Aio.sleep(10.5);
            assertEquals(2, background.tasks().size());
        }

        @AioTest
        void backgroundFails(BackgroundScope background) {
            background.createTask(() -> {
                Aio.sleep(1);
                throw new IllegalStateException("broken");
            });
            Aio.sleep(2);
        }
    }
}
