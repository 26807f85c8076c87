package io.aio4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's ways to turn native mode on in a user's own build, each exercised for real:
 * Failsafe's (and Surefire's) {@code argLine} (this test's own JVM), {@code Add-Opens} in an
 * executable jar's manifest ({@code java -jar}), and {@code --add-opens java.base/java.lang=io.aio4j}
 * with aio4j on the module path. Each check has its control: the same launch without the
 * setting runs in compatibility mode, so the setting is what made the difference.
 */
@Timeout(120)
class NativeModeSetupIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void failsafeArgLineOpensJavaLangToTheClassPath() {
        String loop = Aio.run(() -> Aio.getRunningLoop().toString());
        assertTrue(loop.contains("mode=native"), loop);
    }

    @Test
    void anExecutableJarWithAddOpensInItsManifestRunsInNativeMode() throws Exception {
        String out = run(JAVA, "-jar", jar().toString(), "mode");
        assertTrue(out.contains("aio4j runs in native mode"), out);
    }

    @Test
    void withoutTheManifestEntryTheSameClassesRunInCompatibilityMode() throws Exception {
        String cp = jar() + File.pathSeparator + lib() + File.separator + "*";
        String out = run(JAVA, "-cp", cp, "io.aio4j.examples.Showcase", "mode");
        assertTrue(out.contains("aio4j runs in compatibility mode"), out);
    }

    @Test
    void onTheModulePathJavaLangIsOpenedToTheModuleIoAio4j() throws Exception {
        String out = run(JAVA, "--module-path", coreJar().toString(), "--add-modules", "io.aio4j",
                "--add-opens", "java.base/java.lang=io.aio4j", "-cp", classes().toString(), "io.aio4j.examples.WhichMode");
        assertTrue(out.contains("aio4j runs in native mode"), out);
    }

    @Test
    void onTheModulePathOpeningToAllUnnamedIsNotEnough() throws Exception {
        String out = run(JAVA, "--module-path", coreJar().toString(), "--add-modules", "io.aio4j",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", classes().toString(), "io.aio4j.examples.WhichMode");
        assertTrue(out.contains("aio4j runs in compatibility mode"), out);
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("aio4j.examplesJar", "target/aio4j-examples.jar"));
        assertTrue(Files.isRegularFile(jar), "no examples jar at " + jar + " (run through mvn verify)");
        return jar;
    }

    private static Path lib() {
        return Path.of(System.getProperty("aio4j.examplesLib", "target/lib"));
    }

    private static Path classes() {
        return jar().getParent().resolve("classes");
    }

    private static Path coreJar() throws IOException {
        try (Stream<Path> files = Files.list(lib())) {
            List<Path> core = files.filter(p -> p.getFileName().toString().startsWith("aio4j-core-")).toList();
            assertEquals(1, core.size(), "aio4j-core in " + lib() + ": " + core);
            return core.get(0);
        }
    }

    /** Runs a child JVM to its end (60 s at most) and returns what it printed; it must exit 0. */
    private static String run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] output;
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        output = p.getInputStream().readAllBytes();
        String out = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }
}
