package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Task;

/**
 * Trap: a task fails and nobody looks at its exception. The error is reported only when the task
 * is collected: "Task exception was never retrieved" (with where the task was created, in debug
 * mode). The fix awaits the task (or calls {@code result()}/{@code exception()}) and handles the error.
 */
public final class ExceptionNeverConsumedTrap {
    private ExceptionNeverConsumedTrap() {
    }

    static Void bug() {
        throw new IllegalStateException("bug");
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        EventLoop loop = Aio.newEventLoop();
        loop.setDebug(true);
        loop.createTask(ExceptionNeverConsumedTrap::bug);                 // the bug: nobody retrieves the exception
        loop.runUntilComplete(Aio.async(() -> {
            Aio.sleep(0);
        }));

        Task<Void> task = loop.createTask(ExceptionNeverConsumedTrap::bug);
        try {
            loop.runUntilComplete(task);                                  // the fix: the exception is consumed here
        } catch (IllegalStateException e) {
            System.out.println("fixed: caught " + e);
        }
        loop.close();
        Collect.garbage();
    }
}
