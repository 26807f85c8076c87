package io.aio4j.internal.stats;

/**
 * One task that ended while a monitor was running: how it ended, never with what (a result
 * is shown by its type only).
 *
 * @param id              the monitor's id of the task (unique in this JVM)
 * @param name            the task's name when it ended
 * @param coroutine       the coroutine's name
 * @param loopId          the id of its loop
 * @param outcome         {@code "result"}, {@code "exception"} or {@code "cancelled"}
 * @param resultType      the class name of the result ({@code "null"} for null); null unless outcome is result
 * @param exceptionType   the exception's class name; null unless outcome is exception
 * @param message         the exception's or the cancellation's message; may be null
 * @param cancelledBy     who requested the cancellation (a task, a thread, the monitor), where known
 * @param createdAtMillis when the task was created (epoch ms), or -1 if it was created before the monitor started
 * @param endedAtMillis   when it ended (epoch ms)
 */
public record TerminatedTask(long id, String name, String coroutine, long loopId, String outcome, String resultType,
        String exceptionType, String message, String cancelledBy, long createdAtMillis, long endedAtMillis) {
}
