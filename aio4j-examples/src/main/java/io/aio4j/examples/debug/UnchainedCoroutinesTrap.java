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

    static Void create() {
        Aio.sleep(0.03);
        System.out.println("(1) create file");
        return null;
    }

    static Void write() {
        Aio.sleep(0.02);
        System.out.println("(2) write into file");
        return null;
    }

    static Void close() {
        System.out.println("(3) close file");
        return null;
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        System.out.println("-- the bug: steps started, not awaited");
        Aio.run(() -> {
            Aio.createTask(UnchainedCoroutinesTrap::create);
            Aio.createTask(UnchainedCoroutinesTrap::write);
            Task<Void> last = Aio.createTask(UnchainedCoroutinesTrap::close);
            return Aio.await(last);     // Aio.run then cancels create() and write(), unfinished
        }, Aio.options().debug(true));
        System.out.println("-- the fix: each step awaited");
        Aio.run(() -> {
            create();
            write();
            return close();
        }, Aio.options().debug(true));
    }
}
