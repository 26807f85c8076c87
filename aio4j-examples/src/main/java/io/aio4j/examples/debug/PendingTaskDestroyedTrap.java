package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.EventLoop;

/**
 * Trap: a loop closed while a task is still pending; its body never finishes. Closing the loop
 * reports each such task ("Task was destroyed but it is pending!", with where it was created in
 * debug mode). The fix: {@code Aio.run}, which cancels and awaits the remaining tasks, or
 * awaiting the task before closing.
 */
public final class PendingTaskDestroyedTrap {
    private PendingTaskDestroyedTrap() {
    }

    static void kneel() {
        Aio.await(Aio.getRunningLoop().createFuture());     // waits forever
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        EventLoop loop = Aio.newEventLoop();
        loop.setDebug(true);
        loop.createTask(PendingTaskDestroyedTrap::kneel);   // the bug
        loop.runUntilComplete(Aio.async(() -> {
            Aio.sleep(0);
        }));
        loop.close();

        Aio.run(() -> {                                       // the fix: Aio.run cancels it at the end
            Aio.createTask(PendingTaskDestroyedTrap::kneel);
            Aio.sleep(0);
        }, Aio.options().debug(true));
        System.out.println("fixed: Aio.run cancelled the pending task before closing its loop");
    }
}
