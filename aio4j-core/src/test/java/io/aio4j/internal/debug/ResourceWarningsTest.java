package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.testing.LogCapture;
import io.aio4j.EventLoop;
import io.aio4j.internal.loop.Debug;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResourceWarningsTest {

    @Test
    void collectedUnclosedResourceIsReportedWithItsCreationSite() throws Exception {
        try (LogCapture log = new LogCapture()) {
            registerAndDrop("unclosed transport <Transport fd=7>", false);
            Gc.until(() -> log.first(Level.WARNING, "unclosed transport") != null);

            assertTrue(log.first(Level.WARNING, "unclosed transport").matches("(?s)unclosed transport <Transport fd=7>\n"
                    + "Object created at \\(most recent call last\\):\n.*ResourceWarningsTest.registerAndDrop.*"));
        }
    }

    @Test
    void closedResourceIsNotReported() throws Exception {
        try (LogCapture log = new LogCapture()) {
            registerAndDrop("unclosed <StreamWriter closed>", true);
            registerAndDrop("unclosed <StreamWriter sentinel>", false);
            Gc.until(() -> log.first(Level.WARNING, "unclosed <StreamWriter sentinel>") != null);
            System.gc();
            Thread.sleep(50);

            List<String> warnings = log.messages(Level.WARNING).stream().filter(m -> m.startsWith("unclosed <StreamWriter")).toList();
            assertEquals(1, warnings.size(), warnings::toString);
        }
    }

    @Test
    void unclosedEventLoopInDebugModeIsReported() throws Exception {
        try (LogCapture log = new LogCapture()) {
            String closedOne = closedDebugLoop();
            String dropped = unclosedDebugLoop();
            Gc.until(() -> log.first(Level.WARNING, "unclosed event loop " + dropped) != null);

            assertTrue(log.first(Level.WARNING, "unclosed event loop " + dropped).startsWith(
                    "unclosed event loop " + dropped + "\nObject created at (most recent call last):\n  at "));
            assertEquals(null, log.first(Level.WARNING, "unclosed event loop " + closedOne));
        }
    }

    private static void registerAndDrop(String message, boolean close) {
        ResourceWarnings.Tracker t = ResourceWarnings.register(new Object(), message, Debug.captureSource());
        if (close) {
            t.close();
        }
    }

    private static String unclosedDebugLoop() {
        EventLoop loop = Aio.newEventLoop();
        loop.setDebug(true);
        return loop.toString();
    }

    private static String closedDebugLoop() {
        EventLoop loop = Aio.newEventLoop();
        loop.setDebug(true);
        String s = loop.toString();
        loop.close();
        return s;
    }
}
