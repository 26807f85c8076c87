package io.aio4j.test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JVM's child processes: {@link CancellationSweep}'s check that a run left none running. On
 * Linux it reads {@code /proc/self/task/<tid>/children} (a few small files); elsewhere it asks
 * {@link ProcessHandle#children()}, which scans every process of the system.
 */
final class Children {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final boolean PROC = Files.isReadable(TASKS.resolve(String.valueOf(ProcessHandle.current().pid()))
            .resolve("children"));

    private Children() {
    }

    /** The pids of the child processes that exist now (zombies not yet reaped included, on Linux). */
    static Set<Long> alive() {
        Set<Long> pids = new HashSet<>();
        if (PROC) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path task : tasks) {
                    String list;
                    try {
                        list = Files.readString(task.resolve("children"));
                    } catch (IOException threadGone) {
                        continue;
                    }
                    for (String pid : list.trim().split("\\s+")) {
                        if (!pid.isEmpty()) {
                            pids.add(Long.parseLong(pid));
                        }
                    }
                }
                return pids;
            } catch (IOException e) {
                pids.clear(); // fall back below
            }
        }
        ProcessHandle.current().children().filter(ProcessHandle::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /**
     * The children that exist now and were not in {@code before}, once they had up to
     * {@code seconds} of real time to exit (a killed child takes a moment to go).
     */
    static List<Long> stillRunning(Set<Long> before, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            List<Long> running = alive().stream().filter(pid -> !before.contains(pid)).sorted().toList();
            if (running.isEmpty() || System.nanoTime() - deadline > 0) {
                return running;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running;
            }
        }
    }

    /** Kills the children {@code pids} (what a failed run leaked), so that they do not outlive the test. */
    static void kill(List<Long> pids) {
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
