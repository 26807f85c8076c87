package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.InvalidStateException;

/**
 * Trap: completing a future that was cancelled meanwhile. {@code callSoon(() -> f.setResult(x))}
 * fails with {@link InvalidStateException} if {@code f} is cancelled before the callback runs;
 * the fix completes it with {@code trySetResult}, which does nothing once the future is done.
 */
public final class CancelledFutureTrap {
    private CancelledFutureTrap() {
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();

            Future<String> bug = loop.createFuture();
            loop.callSoon(() -> bug.setResult("too late"));     // the bug: the future may be cancelled by then
            bug.cancel();
            Aio.sleep(0);

            Future<String> fixed = loop.createFuture();
            loop.callSoon(() -> fixed.trySetResult("too late"));  // the fix: nothing happens if it is done
            fixed.cancel();
            Aio.sleep(0);
            System.out.println("fixed: no error when the future was cancelled first");
            return null;
        }, Aio.options().debug(true));
    }
}
