package io.aio4j.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aio4j.testing.Binaries;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C in {@code Aio.run}, tested on a child JVM ({@link SigintChild}) that receives real SIGINTs. */
@Timeout(60)
class SigintCancelTest {

    /** Runs SigintChild in {@code mode}, sending SIGINT each time it prints a line in {@code interruptAfter}. */
    static Result run(String mode, List<String> interruptAfter) throws Exception {
        Binaries.require("kill");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SigintChild.class.getName(), mode).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (interruptAfter.contains(line)) {
                    assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor());
                }
            }
        } finally {
            child.destroyForcibly();
        }
        return new Result(child.waitFor(), lines.stream().filter(l -> !l.startsWith("INFO: aio4j")
                && !l.contains("SelectorEventLoop logModeOnce")).toList());
    }

    record Result(int exitCode, List<String> lines) {
    }

    @Test
    void firstCtrlCCancelsTheMainTaskAndAioRunSaysItWasInterrupted() throws Exception {
        Result r = run("polite", List.of("ready", "waiting"));
        assertEquals(List.of("ready", "main cancelled", "Aio.run threw: Aio.run() was interrupted by SIGINT (Ctrl-C)",
                "waiting"), r.lines());
        // The last SIGINT found the JVM's own handler restored: exit 128 + 2.
        assertEquals(130, r.exitCode());
    }

    @Test
    void secondCtrlCStopsTheJvmAtOnce() throws Exception {
        Result r = run("stubborn", List.of("ready", "ready again"));
        assertEquals(List.of("ready", "main cancelled", "ready again"), r.lines());
        assertEquals(130, r.exitCode());
    }
}
