package io.aio4j.process;

/**
 * POSIX signal numbers as Linux defines them, for {@link Subprocess#sendSignal} and the loop's
 * {@code addSignalHandler}, and their names.
 */
public final class Signals {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGUSR2 = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGCHLD = 17;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGTSTP = 20;
    public static final int SIGWINCH = 28;
    /** The highest signal number (Linux's {@code SIGRTMAX}). */
    public static final int MAX = 64;

    private static final String[] NAMES = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
        "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
        "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    private Signals() {
    }

    /** Whether {@code signal} is a signal number (1 to {@link #MAX}). */
    public static boolean isValid(int signal) {
        return signal >= 1 && signal <= MAX;
    }

    /** {@code signal}, checked: {@code IllegalArgumentException("invalid signal number 0")} otherwise. */
    public static int check(int signal) {
        if (!isValid(signal)) {
            throw new IllegalArgumentException("invalid signal number " + signal);
        }
        return signal;
    }

    /** The name without {@code SIG} ({@code "TERM"} for 15), or {@code null} for a real-time or unknown signal. */
    public static String name(int signal) {
        return signal >= 1 && signal < NAMES.length ? NAMES[signal] : null;
    }
}
