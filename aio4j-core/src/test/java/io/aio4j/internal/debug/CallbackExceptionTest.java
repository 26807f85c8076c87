package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.Handle;
import io.aio4j.internal.loop.ExceptionReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallbackExceptionTest {
    private final EventLoop loop = Aio.newEventLoop();
    private final List<ExceptionContext> reports = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void failingCallbackIsReportedWithItsHandleAndCreationSite() {
        loop.setDebug(true);
        loop.setExceptionHandler((l, c) -> reports.add(c));
        IllegalStateException boom = new IllegalStateException("boom");
        Handle h = loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(loop::stop);
        loop.runForever();

        assertEquals(1, reports.size());
        ExceptionContext c = reports.get(0);
        assertTrue(c.message().matches("Exception in callback <Handle CallbackExceptionTest.<lambda>\\(\\) "
                + "created at CallbackExceptionTest.java:\\d+>"), c.message());
        assertSame(h, c.handle());
        assertSame(boom, c.exception());
        assertNotNull(c.sourceTraceback());
        String text = ExceptionReport.format(c);
        assertTrue(text.contains("\nhandle: <Handle CallbackExceptionTest.<lambda>() created at CallbackExceptionTest.java:"), text);
        assertTrue(text.contains("\nsource_traceback: Object created at (most recent call last):\n  at "), text);
    }

    @Test
    void outsideDebugModeTheHandleHasNoCreationSite() {
        loop.setDebug(false);
        loop.setExceptionHandler((l, c) -> reports.add(c));
        loop.callSoon(() -> {
            throw new IllegalStateException("boom");
        });
        loop.callSoon(loop::stop);
        loop.runForever();

        assertEquals("Exception in callback <Handle CallbackExceptionTest.<lambda>()>", reports.get(0).message());
    }
}
