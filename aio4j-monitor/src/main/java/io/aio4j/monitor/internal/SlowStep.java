package io.aio4j.monitor.internal;

import java.util.List;

/**
 * An iteration whose callbacks held a loop past the slow-step threshold, and where it was stuck.
 *
 * @param startedAtMillis when it began (epoch ms)
 * @param seconds         how long it ran (so far, if {@code ongoing})
 * @param ongoing         whether it is still running (the loop is stuck now)
 * @param task            the task holding the loop, or null for a callback
 * @param thread          the thread whose stack was sampled
 * @param frames          where it was stuck (the sample seen most), innermost first; empty if never caught in user code
 */
record SlowStep(long startedAtMillis, double seconds, boolean ongoing, String task, String thread,
        List<StackTraceElement> frames) {
}
