package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.Task;
import io.aio4j.internal.Describe;
import io.aio4j.internal.loop.Debug;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SourceTracebackTest {
    private final EventLoop loop = Aio.newEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void debugModeRecordsWhereAFutureWasCreatedWithoutLibraryFrames() {
        loop.setDebug(true);
        Future<String> f = loop.createFuture();

        StackTraceElement[] source = f.sourceTraceback();
        assertEquals("debugModeRecordsWhereAFutureWasCreatedWithoutLibraryFrames", source[0].getMethodName());
        assertTrue(source.length <= Debug.SOURCE_FRAMES);
        assertFalse(Arrays.stream(source).limit(1).anyMatch(Describe::isLibraryFrame));
        assertTrue(f.toString().matches("<Future pending created at SourceTracebackTest.java:\\d+>"), f.toString());
    }

    @Test
    void tasksAndHandlesShowTheirCreationSite() {
        loop.setDebug(true);
        Task<String> t = loop.createTask(() -> "x", "named");
        assertTrue(t.toString().matches("<Task pending name='named' coro=<SourceTracebackTest.<lambda>\\(\\)> "
                + "created at SourceTracebackTest.java:\\d+>"), t.toString());
        assertTrue(loop.callSoon(() -> { }).toString().matches("<Handle SourceTracebackTest.<lambda>\\(\\) "
                + "created at SourceTracebackTest.java:\\d+>"));
        loop.runUntilComplete(t);
    }

    @Test
    void nothingIsRecordedOutsideDebugMode() {
        loop.setDebug(false);
        Future<String> f = loop.createFuture();
        assertNull(f.sourceTraceback());
        assertEquals("<Future pending>", f.toString());
    }
}
