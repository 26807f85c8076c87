package io.aio4j.test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The JVM's live child processes: {@link CancellationSweep}'s check that a run left none running. */
final class Children {
    private Children() {
    }

    /** The pids of the child processes alive now. */
    static Set<Long> alive() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.current().children().filter(ProcessHandle::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /**
     * The children alive now that were not in {@code before}, once they had up to
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
