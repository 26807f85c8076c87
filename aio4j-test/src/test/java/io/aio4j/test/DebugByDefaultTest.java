package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TestLoop made while debug mode is on by default ({@code -Daio4j.debug=true}, read once per
 * JVM, hence a child JVM): its loop describes it for the "unclosed event loop" warning while it
 * is being built, which used to fail with a NullPointerException.
 */
class DebugByDefaultTest {

    /** The child: makes a TestLoop, runs a task on it, prints what it saw. */
    public static void main(String[] args) {
        try (TestLoop loop = new TestLoop()) {
            String seen = loop.runUntilComplete(loop.createTask(() -> {
                Aio.sleep(5);
                return "debug=" + loop.isDebug() + " time=" + loop.time();
            }));
            System.out.println(seen);
        }
    }

    @Test
    @Timeout(60)
    void aTestLoopCanBeMadeWhenDebugModeIsOnByDefault() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Daio4j.debug=true", "-cp", System.getProperty("java.class.path"),
                DebugByDefaultTest.class.getName()).redirectErrorStream(true).start();
        try {
            assertTrue(child.waitFor(50, TimeUnit.SECONDS), "the child JVM did not end");
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), out);
            assertTrue(out.contains("debug=true time=5.0"), out);
        } finally {
            child.destroyForcibly();
        }
    }
}
