package io.aio4j.test.sweep;

import static io.aio4j.test.sweep.ConnectSweepTest.assertSwept;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aio4j.process.Subprocess;
import io.aio4j.test.CancellationSweep;
import io.aio4j.test.CancellationSweep.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Subprocesses cancelled at every iteration of their start, {@code communicate} and {@code waitFor}:
 * a child started for a task cancelled before it could take it is killed; no pipe and no child is
 * left behind.
 */
@Timeout(120)
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessSweepTest {

    /** The child of a run, when the body got it. */
    static final class Child {
        Subprocess process;
    }

    @Test
    void exec() {
        Result r = CancellationSweep.withPeer(loop -> new Child())
                .body(c -> {
                    c.process = Subprocess.exec("cat");
                    return c.process.pid();
                })
                .check((c, o) -> {
                    if (o.completed()) {
                        c.process.close();
                        c.process.waitFor();
                    }
                })
                .run();
        assertSwept(r);
    }

    @Test
    void communicate() {
        Result r = CancellationSweep.of(() -> {
            try (Subprocess p = Subprocess.exec("cat")) {
                return new String(p.communicate("hello".getBytes()).stdout());
            }
        }).check((nothing, o) -> {
            if (o.completed()) {
                assertEquals("hello", o.value());
            }
        }).run();
        assertSwept(r);
    }

    @Test
    void waitFor() {
        Result r = CancellationSweep.of(() -> {
            try (Subprocess p = Subprocess.exec("true")) {
                return p.waitFor();
            }
        }).check((nothing, o) -> {
            if (o.completed()) {
                assertEquals(0, o.value());
            }
        }).run();
        assertSwept(r);
    }
}
