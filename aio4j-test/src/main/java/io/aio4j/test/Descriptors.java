package io.aio4j.test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The process's open descriptors of the kinds an event loop acquires (sockets, pipes, selectors
 * and other anonymous inodes), read from {@code /proc/self/fd}: {@link CancellationSweep}'s leak
 * check. Where there is no {@code /proc/self/fd} a snapshot is empty and finds nothing.
 */
final class Descriptors {
    private static final Path FD_DIR = Path.of("/proc/self/fd");

    /** Each open descriptor as {@code "fd -> target"}. */
    private final Set<String> open;

    private Descriptors(Set<String> open) {
        this.open = open;
    }

    /** The descriptors open now. */
    static Descriptors snapshot() {
        Set<String> open = new HashSet<>();
        if (!Files.isDirectory(FD_DIR)) {
            return new Descriptors(open);
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(FD_DIR)) {
            for (Path fd : dir) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    continue; // the directory's own descriptor, or one closed while we read
                }
                if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
                    open.add(fd.getFileName() + " -> " + target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + FD_DIR + ": " + e, e);
        }
        return new Descriptors(open);
    }

    /**
     * The descriptors open now that were not in {@code before}, once they had up to {@code seconds}
     * of real time to be closed (one another thread of the JVM opened for a moment is not a leak).
     */
    static List<String> stillOpenedSince(Descriptors before, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            List<String> opened = snapshot().openedSince(before);
            if (opened.isEmpty() || System.nanoTime() - deadline > 0) {
                return opened;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return opened;
            }
        }
    }

    /** The descriptors open now that were not in {@code before} (sorted by number). */
    List<String> openedSince(Descriptors before) {
        List<String> opened = new ArrayList<>();
        for (String fd : open) {
            if (!before.open.contains(fd)) {
                opened.add(fd);
            }
        }
        opened.sort((a, b) -> Integer.compare(number(a), number(b)));
        return opened;
    }

    private static int number(String entry) {
        return Integer.parseInt(entry.substring(0, entry.indexOf(' ')));
    }
}
