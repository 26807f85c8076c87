package io.aio4j.internal.process;

/**
 * Turns the JDK's exit value into asyncio's return code.
 *
 * <p>On Linux the JDK reports a child killed by signal {@code N} as {@code 128 + N}, the shells'
 * convention, which a child that calls {@code exit(128 + N)} also produces: the JDK reaps every
 * child itself at once ({@code waitpid} on its reaper thread), so the real wait status is never
 * seen. aio4j resolves the ambiguity with what it knows for sure: when it delivered signal
 * {@code N} to this child (kill, terminate, sendSignal) and the exit value is {@code 128 + N},
 * the child died from that signal and the return code is {@code -N}, as asyncio reports it.
 * Otherwise the exit value is returned as is, so a child killed by someone else (the OOM killer,
 * a user's {@code kill}) shows {@code 128 + N}.
 */
final class ExitStatus {
    private long signalsSent;

    /** Records that signal {@code signal} (1 to 64) was delivered to the child. */
    synchronized void sent(int signal) {
        signalsSent |= 1L << (signal - 1);
    }

    /** The return code for the JDK's {@code exitValue}. */
    synchronized int returncode(int exitValue) {
        int signal = exitValue - 128;
        if (signal >= 1 && signal <= 64 && (signalsSent & (1L << (signal - 1))) != 0) {
            return -signal;
        }
        return exitValue;
    }
}
