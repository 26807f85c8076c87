package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.Task;

/**
 * Trap: steps started as tasks but not awaited run in no guaranteed order, and the program can
 * end before they finish. The fix awaits each step in turn.
 */
public final class UnchainedCoroutinesTrap {
    private UnchainedCoroutinesTrap() {
    }

    static void create() {
        Aio.sleep(0.03);
        System.out.println("(1) create file");
    }

    static void write() {
        Aio.sleep(0.02);
        System.out.println("(2) write into file");
    }

    static void close() {
        System.out.println("(3) close file");
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        System.out.println("-- the bug: steps started, not awaited");
        Aio.run(() -> {
            Aio.createTask(UnchainedCoroutinesTrap::create);
            Aio.createTask(UnchainedCoroutinesTrap::write);
            Task<Void> last = Aio.createTask(UnchainedCoroutinesTrap::close);
            Aio.await(last);            // Aio.run then cancels create() and write(), unfinished
        }, Aio.options().debug(true));
        System.out.println("-- the fix: each step awaited");
        Aio.run(() -> {
            create();
            write();
            close();
        }, Aio.options().debug(true));
    }
}
