package io.aio4j.internal.stats;

import java.util.List;

/**
 * One live task as a monitor shows it, read from another thread without the loop's help.
 *
 * @param id              the monitor's id of the task ({@link TaskHistory#idOf})
 * @param name            its name
 * @param coroutine       its coroutine's name
 * @param loopId          the id of its loop
 * @param state           {@code running} (holds the loop), {@code awaiting} (suspended in {@code Aio.await}),
 *                        {@code blocked} (in a JDK blocking call), {@code ready} (queued to run) or {@code done}
 * @param createdAtMillis when it was created (epoch ms), or -1 if before the monitor started
 * @param awaits          what it waits for, in words (a task, a future, a JDK call), or null
 * @param awaitsTask      the id of the task it awaits, or -1
 * @param awaitedBy       the ids of the tasks awaiting it
 * @param cancelling      pending cancellation requests
 * @param cancelledBy     who requested the pending cancellation, where known
 * @param stack           where its body is, innermost first, without library frames (empty unless asked for)
 */
public record TaskInfo(long id, String name, String coroutine, long loopId, String state, long createdAtMillis,
        String awaits, long awaitsTask, List<Long> awaitedBy, int cancelling, String cancelledBy,
        List<StackTraceElement> stack) {
}
