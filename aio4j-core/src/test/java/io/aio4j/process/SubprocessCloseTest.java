package io.aio4j.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.testing.Binaries;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Subprocess} as an {@link AutoCloseable}, and {@link Subprocess#waitFor(Duration)}. */
@Timeout(30)
class SubprocessCloseTest {

    @BeforeEach
    void tools() {
        Binaries.require("sh", "sleep", "true");
    }

    @Test
    void tryWithResourcesKillsAChildStillRunning() {
        int code = Aio.run(() -> {
            Subprocess p = Subprocess.exec("sleep", "60");
            try (p) {
                assertNull(p.returncode());
            }
            return p.waitFor();
        });
        assertEquals(-Signals.SIGKILL, code);
    }

    @Test
    void closingAChildThatExitedLeavesItsCodeAndOutput() {
        Aio.run(() -> {
            try (Subprocess p = Subprocess.exec("sh", "-c", "echo hi; exit 3")) {
                assertArrayEquals("hi\n".getBytes(), p.stdout().read());
                assertEquals(3, p.waitFor());
            }
        });
    }

    @Test
    void closingTwiceDoesNothingMore() {
        int code = Aio.run(() -> {
            Subprocess p = Subprocess.exec("sleep", "60");
            p.close();
            p.close();
            return p.waitFor();
        });
        assertEquals(-Signals.SIGKILL, code);
    }

    @Test
    void waitForWithATimeoutSaysWhetherTheChildExitedAndLeavesItRunningOtherwise() {
        Aio.run(() -> {
            try (Subprocess slow = Subprocess.exec("sleep", "60")) {
                assertFalse(slow.waitFor(Duration.ofMillis(50)));
                assertNull(slow.returncode());
                slow.kill();
                assertTrue(slow.waitFor(ChronoUnit.FOREVER.getDuration()));
                assertEquals(-Signals.SIGKILL, slow.returncode());
            }
            try (Subprocess quick = Subprocess.exec("true")) {
                assertTrue(quick.waitFor(Duration.ofSeconds(20)));
                assertEquals(0, quick.returncode());
            }
        });
    }
}
