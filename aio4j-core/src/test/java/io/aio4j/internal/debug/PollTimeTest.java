package io.aio4j.internal.debug;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.testing.LogCapture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seed 000's "selector time": debug mode logs timed polls that take slowCallbackDuration or more. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PollTimeTest {
    private final EventLoop loop = Aio.newEventLoop();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void close() {
        log.close();
        loop.close();
    }

    @Test
    void timedPollIsLoggedAtDebugInDebugMode() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0);
        // The timer is set from the loop's first step, so the next poll waits for it (a timer set
        // before runForever could already be due when a loaded machine gets to the first poll).
        loop.callSoon(() -> loop.callLater(0.05, loop::stop));
        loop.runForever();

        String line = log.first(Level.FINE, "poll ");
        assertNotNull(line, () -> log.lines().toString());
        assertTrue(line.matches("poll \\d+\\.\\d{3} ms took \\d+\\.\\d{3} ms: 0 events"), line);
    }

    @Test
    void pollsAreNotLoggedOutsideDebugMode() {
        loop.setDebug(false);
        loop.setSlowCallbackDuration(0);
        loop.callLater(0.005, loop::stop);
        loop.runForever();

        assertNull(log.first(Level.FINE, "poll "));
    }
}
