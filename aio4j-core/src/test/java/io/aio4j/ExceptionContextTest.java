package io.aio4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aio4j.testing.ManualClockLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ExceptionContextTest {
    private final ManualClockLoop loop = new ManualClockLoop();
    private final RuntimeException error = new RuntimeException("boom");

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void ofCarriesOnlyTheMessageAndTheException() {
        ExceptionContext c = ExceptionContext.of("went wrong", error);
        assertEquals(new ExceptionContext("went wrong", error, null, null, null, null, null, null), c);
    }

    @Test
    void forTaskNamesTheTask() {
        Task<Void> task = loop.createTask(() -> null);
        ExceptionContext c = ExceptionContext.forTask("task failed", error, task);
        assertSame(task, c.task());
        assertSame(error, c.exception());
        assertNull(c.future());
        assertNull(c.handle());
        loop.runUntilComplete(task);
    }

    @Test
    void forHandleNamesTheCallback() {
        Handle h = loop.callSoon(() -> { });
        ExceptionContext c = ExceptionContext.forHandle("Exception in callback " + h, error, h);
        assertSame(h, c.handle());
        assertNull(c.task());
    }

    @Test
    void forTransportNamesTheTransportAndTheProtocol() {
        Object transport = "transport";
        Object protocol = "protocol";
        ExceptionContext c = ExceptionContext.forTransport("protocol.pauseWriting() failed", error, transport, protocol);
        assertEquals(new ExceptionContext("protocol.pauseWriting() failed", error, null, null, null, transport, protocol,
                null), c);
    }

    @Test
    void withSourceTracebackKeepsEverythingElse() {
        StackTraceElement[] frames = {new StackTraceElement("Main", "main", "Main.java", 3)};
        ExceptionContext c = ExceptionContext.forTransport("m", error, "t", "p").withSourceTraceback(frames);
        assertArrayEquals(frames, c.sourceTraceback());
        assertEquals("t", c.transport());
        assertEquals("p", c.protocol());
        assertEquals("m", c.message());
    }
}
