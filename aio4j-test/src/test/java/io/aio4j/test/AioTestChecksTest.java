package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.aio4j.Aio;
import io.aio4j.Coroutine;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.net.Server;
import io.aio4j.process.Redirect;
import io.aio4j.process.Subprocess;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * What {@code @AioTest} checks at the end of a test, each shown failing a sample test run
 * through JUnit's engine, next to the same code done right, which passes. The failures must not
 * depend on the garbage collector: each sample's object is unreachable at the end of its test,
 * but no collection is asked for.
 */
@Timeout(60)
class AioTestChecksTest {

    @Test
    void aFutureExceptionNeverRetrievedFailsTheTest() {
        assertFails(NeverRetrievedFuture.class, "lost", m -> m.startsWith("the loop's exception handler was called during the test:")
                && m.contains("Future exception was never retrieved") && m.contains("IllegalStateException: lost"));
        assertPasses(NeverRetrievedFuture.class, "retrieved");
    }

    @Test
    void aTaskExceptionNeverRetrievedFailsTheTest() {
        assertFails(NeverRetrievedTask.class, "lost", m -> m.contains("Task exception was never retrieved")
                && m.contains("task failed"));
        assertPasses(NeverRetrievedTask.class, "awaited");
    }

    @Test
    void aCoroutineNeverAwaitedFailsTheTest() {
        assertFails(NeverAwaited.class, "forgotten", m -> m.contains("coroutine '") && m.contains("' was never awaited"));
        assertPasses(NeverAwaited.class, "awaited");
    }

    @Test
    void anUnclosedTransportAndStreamWriterFailTheTest() {
        assertFails(UnclosedConnection.class, "leftOpen", m -> m.contains("unclosed <StreamWriter")
                && m.contains("unclosed transport <SocketTransport"));
        assertPasses(UnclosedConnection.class, "closedByTryWithResources");
    }

    @Test
    void anUnclosedSubprocessFailsTheTest() {
        try {
            assertFails(UnclosedSubprocess.class, "leftRunning", m -> m.contains("unclosed transport <SubprocessTransport")
                    || m.contains("unclosed transport <") && m.contains("pid=" + UnclosedSubprocess.pid.get()));
        } finally {
            ProcessHandle.of(UnclosedSubprocess.pid.get()).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertPasses(UnclosedSubprocess.class, "closed");
    }

    @Test
    void anExceptionHandlerReportFailsTheTestAndATestsOwnHandlerReceivesTheOwedReports() {
        assertFails(OwnHandler.class, "reportsToItsHandler", m -> m.contains("Exception in callback") && m.contains("boom"));
        assertPasses(OwnHandler.class, "seesTheOwedReport");
    }

    private static void assertFails(Class<?> sample, String method, Predicate<String> expected) {
        run(sample, method).testEvents().assertThatEvents().haveExactly(1, event(test(method),
                finishedWithFailure(instanceOf(AssertionFailedError.class), message(expected))));
    }

    private static void assertPasses(Class<?> sample, String method) {
        run(sample, method).testEvents().assertThatEvents().haveExactly(1, event(test(method), finishedSuccessfully()));
    }

    static EngineExecutionResults run(Class<?> sample, String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod(sample, methodNamed(sample, method)))
                .execute();
    }

    static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    private static java.lang.reflect.Method methodNamed(Class<?> sample, String name) {
        for (java.lang.reflect.Method m : sample.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static class NeverRetrievedFuture {
        @AioTest
        void lost(EventLoop loop) {
            Future<Void> f = loop.createFuture();
            f.setException(new IllegalStateException("lost"));
        }

        @AioTest
        void retrieved(EventLoop loop) {
            Future<Void> f = loop.createFuture();
            f.setException(new IllegalStateException("seen"));
            assertEquals("seen", f.exception().getMessage());
        }
    }

    static class NeverRetrievedTask {
        @AioTest
        void lost() {
            Aio.createTask(() -> {
                throw new IllegalStateException("task failed");
            });
            Aio.sleep(1);
        }

        @AioTest
        void awaited() {
            Task<Void> t = Aio.createTask(() -> {
                throw new IllegalStateException("task failed");
            });
            Aio.sleep(1);
            assertEquals("task failed", t.exception().getMessage());
        }
    }

    static class NeverAwaited {
        @AioTest
        void forgotten() {
            Coroutine<Integer> c = Aio.async(() -> 1);
            assertNotNull(c);
        }

        @AioTest
        void awaited() {
            Coroutine<Integer> c = Aio.async(() -> 1);
            assertEquals(1, Aio.await(c));
        }
    }

    static class UnclosedConnection {
        @AioTest
        void leftOpen() {
            Server server = Streams.startServer((reader, writer) -> {
                writer.close();
            }, "127.0.0.1", 0);
            try {
                StreamPair pair = Streams.openConnection("127.0.0.1", port(server));
                assertNotNull(pair);
            } finally {
                server.close();
                server.waitClosed();
            }
        }

        @AioTest
        void closedByTryWithResources() {
            Server server = Streams.startServer((reader, writer) -> {
                writer.close();
            }, "127.0.0.1", 0);
            try (StreamPair pair = Streams.openConnection("127.0.0.1", port(server))) {
                assertNotNull(pair);
            } finally {
                server.close();
                server.waitClosed();
            }
            Aio.sleep(0.1);
        }
    }

    static int port(Server server) {
        return ((java.net.InetSocketAddress) server.sockets().get(0)).getPort();
    }

    static class UnclosedSubprocess {
        static final AtomicLong pid = new AtomicLong(-1);

        @AioTest
        void leftRunning() {
            Subprocess p = Subprocess.exec(Subprocess.options().stdin(Redirect.PIPE), "cat");
            pid.set(p.pid());
        }

        @AioTest
        void closed() {
            try (Subprocess p = Subprocess.exec(Subprocess.options().stdin(Redirect.PIPE), "cat")) {
                assertTrue(p.pid() > 0);
            }
        }
    }

    static class OwnHandler {
        @AioTest
        void reportsToItsHandler(EventLoop loop) {
            loop.callSoon(() -> {
                throw new IllegalStateException("boom");
            });
            Aio.sleep(0);
        }

        @AioTest
        void seesTheOwedReport(TestLoop loop) {
            AtomicReference<String> seen = new AtomicReference<>();
            loop.setExceptionHandler((l, context) -> seen.set(context.message()));
            Future<Void> f = loop.createFuture();
            f.setException(new IllegalStateException("lost"));
            f = null;
            assertEquals(1, loop.reportUnfinished());
            assertTrue(seen.get().startsWith("Future exception was never retrieved"), seen.get());
            assertEquals(0, loop.reportUnfinished());
        }
    }
}
