package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.ExceptionContext;
import io.aio4j.Future;
import io.aio4j.Handle;
import io.aio4j.Task;
import io.aio4j.internal.loop.CreationSite;
import io.aio4j.internal.loop.Debug;
import io.aio4j.internal.loop.ExceptionReport;
import io.aio4j.internal.loop.SelectorEventLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Debug mode's two levels (see {@link Debug}): the default records the creation sites of every
 * task, of each loop's first callbacks and futures and then of a sample; a report of an object
 * without a recorded site says how to get one. The paranoid level records every one.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DebugLevelsTest {
    private final SelectorEventLoop loop = new SelectorEventLoop();
    private final List<ExceptionContext> reports = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        loop.close();
    }

    /** Makes callbacks until the loop's first ones (all recorded) are used up. */
    private void useUpTheFirstSites() {
        for (int i = 0; i < Debug.RECORD_FIRST; i++) {
            loop.callSoon(() -> { }).cancel();
        }
    }

    private static boolean recorded(Handle h) {
        return h.toString().contains(" created at DebugLevelsTest.java:");
    }

    @Test
    void theDefaultLevelRecordsTheFirstSitesThenASample() {
        loop.setDebug(true);
        loop.setDebugParanoid(false);
        useUpTheFirstSites();
        int recorded = 0;
        int n = 50 * Debug.SAMPLING;
        for (int i = 0; i < n; i++) {
            Handle h = loop.callSoon(() -> { });
            h.cancel();
            if (recorded(h)) {
                recorded++;
            }
        }
        assertEquals(n / Debug.SAMPLING, recorded, "one in " + Debug.SAMPLING + " recorded");
        Future<String> f = loop.createFuture();
        for (int i = 0; i < Debug.SAMPLING && f.sourceTraceback() != CreationSite.NOT_RECORDED; i++) {
            f = loop.createFuture();
        }
        assertSame(CreationSite.NOT_RECORDED, f.sourceTraceback(), "a future of the sample's gaps says it was not recorded");
        assertTrue(f.toString().matches("<Future pending>"), f.toString());
    }

    @Test
    void tasksAlwaysRecordTheirSiteAtTheDefaultLevel() {
        loop.setDebug(true);
        loop.setDebugParanoid(false);
        useUpTheFirstSites();
        for (int i = 0; i < 2 * Debug.SAMPLING; i++) {
            Task<String> t = loop.createTask(() -> "x");
            assertTrue(t.toString().contains(" created at DebugLevelsTest.java:"), t.toString());
            t.cancel();
        }
        loop.runUntilComplete(loop.createTask(() -> null));
    }

    @Test
    void theParanoidLevelRecordsEverySite() {
        loop.setDebug(true);
        loop.setDebugParanoid(true);
        useUpTheFirstSites();
        for (int i = 0; i < 2 * Debug.SAMPLING; i++) {
            Handle h = loop.callSoon(() -> { });
            h.cancel();
            assertTrue(recorded(h), h.toString());
            Future<String> f = loop.createFuture();
            assertEquals("theParanoidLevelRecordsEverySite", f.sourceTraceback()[0].getMethodName());
        }
    }

    @Test
    void aReportOfACallbackWithoutARecordedSiteSaysHowToGetOne() {
        loop.setDebug(true);
        loop.setDebugParanoid(false);
        loop.setExceptionHandler((l, c) -> reports.add(c));
        useUpTheFirstSites();
        Handle failing = null;
        for (int i = 0; i < Debug.SAMPLING && (failing == null || recorded(failing)); i++) {
            if (failing != null) {
                failing.cancel();
            }
            failing = loop.callSoon(() -> {
                throw new IllegalStateException("boom");
            });
        }
        assertNotNull(failing);
        assertFalse(recorded(failing));
        loop.callSoon(loop::stop);
        loop.runForever();

        assertEquals(1, reports.size());
        ExceptionContext c = reports.get(0);
        assertTrue(c.message().matches("Exception in callback <Handle DebugLevelsTest.<lambda>\\(\\)>"), c.message());
        String text = ExceptionReport.format(c);
        assertTrue(text.endsWith("\nsource_traceback: " + Debug.NOT_RECORDED_HINT), text);
        assertTrue(Debug.NOT_RECORDED_HINT.contains("-Daio4j.debug=paranoid"));
    }
}
