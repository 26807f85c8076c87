package io.aio4j.examples.process;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.process.Output;
import io.aio4j.process.Redirect;
import io.aio4j.process.Subprocess;
import io.aio4j.sync.Acquired;
import io.aio4j.sync.Semaphore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Hashes every regular file of a directory with {@code sha256sum}, running at most N children
 * at a time: one task per file, a {@link Semaphore} as the bound, {@link Subprocess#communicate}
 * to collect each child's output.
 *
 * <pre>{@code ./run demo sha256 [directory (default .)] [max children (default 4)]}</pre>
 */
public final class ParallelSha256 {
    private ParallelSha256() {
    }

    /** The SHA-256 (hex) of each regular file directly in {@code dir}; progress lines go to {@code progress}. */
    public static Map<Path, String> hashAll(Path dir, int maxChildren, PrintStream progress) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        Semaphore children = new Semaphore(maxChildren);
        List<Task<String>> tasks = new ArrayList<>();
        int[] done = {0};
        for (Path file : files) {
            tasks.add(Aio.createTask(() -> {
                try (Acquired slot = children.hold()) {
                    String hash = sha256sum(file);
                    progress.printf("[%d/%d] %s  %s%n", ++done[0], files.size(), hash, file.getFileName());
                    return hash;
                }
            }));
        }
        Map<Path, String> hashes = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            hashes.put(files.get(i), Aio.await(tasks.get(i)));
        }
        return hashes;
    }

    /** Runs {@code sha256sum file} and returns the hash it prints. */
    static String sha256sum(Path file) {
        Subprocess child = Subprocess.exec(Subprocess.options().stdin(Redirect.DEVNULL),
                "sha256sum", "--", file.toString());
        Output out = child.communicate(null);
        int code = child.returncode();
        if (code != 0) {
            throw new IllegalStateException("sha256sum " + file + " failed with exit code " + code + ": "
                    + new String(out.stderr(), StandardCharsets.UTF_8).strip());
        }
        String line = new String(out.stdout(), StandardCharsets.UTF_8);
        return line.substring(0, line.indexOf(' '));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long start = System.nanoTime();
        Map<Path, String> hashes = Aio.run(() -> hashAll(dir, max, System.out));
        System.out.printf("%d files hashed in %.1f ms with at most %d children%n", hashes.size(),
                (System.nanoTime() - start) / 1e6, max);
    }
}
