package io.aio4j.examples.debug;

import io.aio4j.Aio;
import io.aio4j.EventLoop;

/**
 * Trap: a resource never closed. Transports and event loops must be closed explicitly; debug
 * mode warns when one is collected unclosed ("unclosed event loop <…>", with where it was made).
 * The fix: close it, with try-with-resources ({@code EventLoop} is {@link AutoCloseable}).
 * This example uses an event loop; transports report "unclosed transport <…>" the same way.
 */
public final class UnclosedLoopTrap {
    private UnclosedLoopTrap() {
    }

    static void bug() {
        EventLoop loop = Aio.newEventLoop();
        loop.setDebug(true);
        loop.runUntilComplete(Aio.async(() -> "work"));
    }

    static void fixed() {
        try (EventLoop loop = Aio.newEventLoop()) {
            loop.setDebug(true);
            loop.runUntilComplete(Aio.async(() -> "work"));
        }
    }

    public static void main(String[] args) {
        PythonStyleLogging.install();
        bug();
        fixed();
        Collect.garbage();
    }
}
