package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;

/**
 * Trap: calling the loop from another thread. In debug mode {@code callSoon} from a foreign
 * thread throws at once (outside debug mode it would be a data race); the fix is
 * {@code callSoonThreadsafe} (or {@code Aio.runCoroutineThreadsafe} for async code).
 */
public final class ThreadUnsafeCallTrap {
    private ThreadUnsafeCallTrap() {
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Future<String> done = loop.createFuture();
            Thread worker = Thread.ofPlatform().name("worker").start(() -> {
                try {
                    loop.callSoon(() -> done.setResult("from callSoon"));          // the bug
                } catch (IllegalStateException e) {
                    System.out.println("callSoon from thread 'worker' threw: " + e.getMessage());
                }
                loop.callSoonThreadsafe(() -> done.setResult("from callSoonThreadsafe"));   // the fix
            });
            System.out.println("result: " + Aio.await(done));
            worker.join();
        }, Aio.options().debug(true));
    }
}
