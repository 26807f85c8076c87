package io.aio4j.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.process.Signals;
import io.aio4j.testing.Binaries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SignalHandlersTest {
    static final long SELF = ProcessHandle.current().pid();

    @BeforeEach
    void needKill() {
        Binaries.require("kill");
    }

    static void killSelf(int signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(SELF)).start().waitFor());
    }

    @Test
    void aSignalToThisJvmRunsTheCallbackOnTheLoop() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Future<Thread> ran = loop.createFuture();
            loop.addSignalHandler(Signals.SIGUSR2, () -> {
                if (!ran.isDone()) {
                    ran.setResult(Thread.currentThread());
                }
            });
            try {
                Aio.toThread(() -> {
                    killSelf(Signals.SIGUSR2);
                });
                Aio.await(ran);
            } finally {
                assertTrue(loop.removeSignalHandler(Signals.SIGUSR2));
            }
            assertFalse(loop.removeSignalHandler(Signals.SIGUSR2));
        });
    }

    @Test
    void aReplacedHandlerIsTheOneCalledAndRemovalRestoresTheJvmsOwn() {
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Future<String> which = loop.createFuture();
            loop.addSignalHandler(Signals.SIGHUP, () -> which.setResult("first"));
            loop.addSignalHandler(Signals.SIGHUP, () -> which.setResult("second"));
            try {
                Aio.toThread(() -> {
                    killSelf(Signals.SIGHUP);
                });
                assertEquals("second", Aio.await(which));
            } finally {
                loop.removeSignalHandler(Signals.SIGHUP);
            }
        });
    }

    @Test
    void closingTheLoopRemovesItsHandlers() {
        EventLoop loop = Aio.newEventLoop();
        loop.addSignalHandler(Signals.SIGUSR2, () -> { });
        loop.close();
        // Had the handler stayed, this would be true; and a closed loop takes no new handler.
        assertFalse(loop.removeSignalHandler(Signals.SIGUSR2));
        assertThrows(IllegalStateException.class, () -> loop.addSignalHandler(Signals.SIGUSR2, () -> { }));
    }

    @Test
    void invalidAndUncatchableSignalsAreRejected() {
        EventLoop loop = Aio.newEventLoop();
        try {
            assertEquals("invalid signal number 0",
                    assertThrows(IllegalArgumentException.class, () -> loop.addSignalHandler(0, () -> { })).getMessage());
            assertEquals("invalid signal number 65",
                    assertThrows(IllegalArgumentException.class, () -> loop.removeSignalHandler(65)).getMessage());
            assertEquals("sig 9 cannot be caught", assertThrows(IllegalArgumentException.class,
                    () -> loop.addSignalHandler(Signals.SIGKILL, () -> { })).getMessage());
            assertEquals("sig 19 cannot be caught", assertThrows(IllegalArgumentException.class,
                    () -> loop.addSignalHandler(Signals.SIGSTOP, () -> { })).getMessage());
            // The JVM keeps SIGQUIT for its thread dumps.
            IllegalArgumentException quit = assertThrows(IllegalArgumentException.class,
                    () -> loop.addSignalHandler(Signals.SIGQUIT, () -> { }));
            assertTrue(quit.getMessage().startsWith("sig 3 cannot be caught: "), quit.getMessage());
        } finally {
            loop.close();
        }
    }
}
