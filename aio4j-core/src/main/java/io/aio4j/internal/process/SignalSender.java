package io.aio4j.internal.process;

import io.aio4j.process.Signals;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends an arbitrary signal to a process. The JDK can only send SIGTERM and SIGKILL
 * ({@link ProcessHandle#destroy()}); anything else goes through the {@code kill} command, which
 * blocks the caller for the millisecond or so that a fork and exec take.
 */
final class SignalSender {
    private SignalSender() {
    }

    static void send(long pid, int signal) {
        Signals.check(signal);
        ProcessBuilder pb = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process kill = pb.start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + pid + " did not finish");
            }
            if (kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed with exit code "
                        + kill.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending signal " + signal + " to " + pid, e);
        }
    }
}
