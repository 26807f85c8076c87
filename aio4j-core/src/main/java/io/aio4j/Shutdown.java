package io.aio4j;

import io.aio4j.internal.loop.LoopCore;
import java.util.List;

/** The end of {@link Aio#run}: asyncio.runners' {@code _cancel_all_tasks}. */
final class Shutdown {
    private Shutdown() {
    }

    /** Cancels every pending task of {@code loop}, gathers them, and reports the exceptions they ended with. */
    static void cancelAllTasks(EventLoop loop) {
        List<Task<?>> toCancel = LoopCore.require(loop).tasks().pending();
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task<?> task : toCancel) {
            task.cancel();
        }
        loop.runUntilComplete(GatheringFuture.gather(List.copyOf(toCancel), true));
        for (Task<?> task : toCancel) {
            if (task.isCancelled()) {
                continue;
            }
            Throwable error = task.exception();
            if (error != null) {
                loop.callExceptionHandler(ExceptionContext.forTask("unhandled exception during Aio.run() shutdown",
                        error, task));
            }
        }
    }
}
