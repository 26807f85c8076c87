package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.Coroutine;

/**
 * Trap: a coroutine made and never awaited. {@code Aio.async} is lazy, so nothing runs; debug
 * mode warns when the coroutine is collected, with where it was made. The fix awaits it, or
 * gives it to {@code Aio.createTask}.
 */
public final class NeverAwaitedTrap {
    private NeverAwaitedTrap() {
    }

    static Coroutine<Void> test() {
        return Aio.async(() -> {
            System.out.println("never");
        });
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        Aio.run(() -> {
            test();                 // the bug: prints nothing
            Aio.await(test());      // the fix
        }, Aio.options().debug(true));
        Collect.garbage();
    }
}
