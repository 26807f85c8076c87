package io.aio4j.examples.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ParallelSha256Test {

    static boolean haveSha256sum() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/sha256sum")) || Files.isExecutable(Path.of("/bin/sha256sum"));
        if (!found) {
            System.out.println("SKIPPED: sha256sum is not installed");
        }
        return found;
    }

    @Test
    void hashesEveryRegularFileLikeTheJdk(@TempDir Path dir) throws Exception {
        assumeTrue(haveSha256sum(), "sha256sum is not installed");
        Random random = new Random(3);
        for (int i = 0; i < 12; i++) {
            byte[] data = new byte[random.nextInt(200_000)];
            random.nextBytes(data);
            Files.write(dir.resolve("file " + i + ".bin"), data);
        }
        Files.createDirectory(dir.resolve("subdir"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Map<Path, String> hashes = Aio.run(() -> ParallelSha256.hashAll(dir, 3,
                new PrintStream(progress, true, StandardCharsets.UTF_8)));
        assertEquals(12, hashes.size());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (var e : hashes.entrySet()) {
            assertEquals(HexFormat.of().formatHex(sha.digest(Files.readAllBytes(e.getKey()))), e.getValue(),
                    e.getKey().toString());
        }
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertEquals(12, lines.lines().count(), lines);
        assertTrue(lines.contains("[12/12] "), lines);
    }

    @Test
    void aFailingChildFailsWithItsExitCodeAndMessage(@TempDir Path dir) {
        assumeTrue(haveSha256sum(), "sha256sum is not installed");
        var e = assertThrows(IllegalStateException.class,
                () -> Aio.run(() -> ParallelSha256.sha256sum(dir.resolve("missing"))));
        assertTrue(e.getMessage().contains("failed with exit code 1: ") && e.getMessage().contains("missing"),
                e.getMessage());
    }
}
