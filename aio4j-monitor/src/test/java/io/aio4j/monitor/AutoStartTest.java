package io.aio4j.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code -Daio4j.monitor}: a child JVM with no monitor code of its own gets one at its first loop. */
class AutoStartTest {
    /** The child: an application that knows nothing of the monitor; it fetches its own page through the logged URL. */
    public static void main(String[] args) throws Exception {
        Aio.run(() -> {
            Aio.sleep(0.01);
            return null;
        });
        System.out.println("application done");
    }

    private static String run(String classPath, String property) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", classPath,
                "-Daio4j.monitor=" + property, "-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%n", AutoStartTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "the child JVM did not end (does the monitor keep it alive?): " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void thePropertyStartsAMonitorAndLogsItsUrlOnce() throws Exception {
        String out = run(System.getProperty("java.class.path"), "127.0.0.1:0");
        assertTrue(out.matches("(?s).*INFO: aio4j monitor: http://127\\.0\\.0\\.1:\\d+/\\?token=[0-9a-f]{32}\n.*"), out);
        assertEquals(1, out.split("aio4j monitor: ", -1).length - 1, out);
        assertTrue(out.contains("application done"), out);
    }

    @Test
    void withoutTheModuleAWarningSaysSo() throws Exception {
        String cp = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.replace('\\', '/').contains("aio4j-monitor/target/classes") && !e.contains("aio4j-monitor-"))
                .collect(Collectors.joining(File.pathSeparator));
        String out = run(cp, "127.0.0.1:0");
        assertTrue(out.contains("WARNING: -Daio4j.monitor=127.0.0.1:0 is set but the aio4j-monitor module"), out);
        assertTrue(out.contains("application done"), out);
    }

    @Test
    void aBadAddressIsAWarningNotAFailure() throws Exception {
        String out = run(System.getProperty("java.class.path"), "10.0.0.1:0");
        assertTrue(out.contains("WARNING: cannot start the aio4j monitor at -Daio4j.monitor=10.0.0.1:0"), out);
        assertTrue(out.contains("allowRemote"), out);
        assertTrue(out.contains("application done"), out);
    }
}
