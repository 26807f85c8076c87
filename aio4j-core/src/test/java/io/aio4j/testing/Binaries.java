package io.aio4j.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Skips a test, saying why, when a program it runs is not installed. */
public final class Binaries {
    private Binaries() {
    }

    /** Skips the calling test unless every program in {@code names} is on the PATH. */
    public static void require(String... names) {
        for (String name : names) {
            boolean found = false;
            String path = System.getenv("PATH");
            for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                System.out.println("SKIPPED: '" + name + "' is not on the PATH");
            }
            assumeTrue(found, "'" + name + "' is not on the PATH");
        }
    }

    /** How many file descriptors this JVM has open, after letting closes settle; -1 without /proc. */
    public static int openFileDescriptors() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (var list = Files.list(fds)) {
            return (int) list.count();
        }
    }
}
