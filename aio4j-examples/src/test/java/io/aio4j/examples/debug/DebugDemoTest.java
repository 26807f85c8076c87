package io.aio4j.examples.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seed 002: what PyMOTW's debugging program prints without and with {@code -v}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DebugDemoTest {
    private final Logger aio4j = Logger.getLogger("aio4j");
    private final Level previous = aio4j.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    DebugDemoTest() {
        aio4j.setLevel(Level.ALL);
        aio4j.addHandler(capture);
    }

    @AfterEach
    void restore() {
        aio4j.removeHandler(capture);
        aio4j.setLevel(previous);
    }

    @Test
    void withoutDebuggingNothingIsReported() {
        DebugDemo.run(false, false);
        assertEquals(List.of(), warnings());
    }

    @Test
    void withDebuggingTheInnerTaskIsSlowAndTheLoopUnclosed() throws Exception {
        DebugDemo.run(true, false);

        assertTrue(warnings().stream().anyMatch(m -> m.matches("(?s)Executing <Task finished name='Task-\\d+' "
                + "coro=<DebugDemo.<lambda>\\(\\) done> result=null created at DebugDemo.java:\\d+> took \\d\\.\\d{3} seconds.*")),
                warnings()::toString);
        for (int i = 0; i < 500 && warnings().stream().noneMatch(m -> m.startsWith("unclosed event loop")); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(warnings().stream().anyMatch(m -> m.startsWith("unclosed event loop <SelectorEventLoop#")), warnings()::toString);
    }

    @Test
    void inCompatibilityModeThreadSleepHogsTheLoop() {
        String before = System.getProperty("aio4j.mode");
        System.setProperty("aio4j.mode", "compat");
        try {
            DebugDemo.run(true, true);
        } finally {
            if (before == null) {
                System.clearProperty("aio4j.mode");
            } else {
                System.setProperty("aio4j.mode", before);
            }
        }
        assertTrue(warnings().stream().anyMatch(m -> m.contains("coro=<DebugDemo.<lambda>() done> result=null")
                && m.contains("at java.base/java.lang.Thread.sleep(")), warnings()::toString);
    }

    private List<String> warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }
}
