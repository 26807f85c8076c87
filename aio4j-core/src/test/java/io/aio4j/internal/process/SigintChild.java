package io.aio4j.internal.process;

import io.aio4j.Aio;
import io.aio4j.CancelledException;

/**
 * The program {@link SigintCancelTest} runs in a child JVM and interrupts with SIGINT. Mode
 * {@code polite}: the main task lets its cancellation through. Mode {@code stubborn}: it swallows
 * the first cancellation and goes on waiting.
 */
public final class SigintChild {
    private SigintChild() {
    }

    public static void main(String[] args) throws Exception {
        boolean stubborn = args[0].equals("stubborn");
        try {
            Aio.run(() -> {
                say("ready");
                try {
                    Aio.sleep(60);
                } catch (CancelledException e) {
                    say("main cancelled");
                    if (!stubborn) {
                        throw e;
                    }
                    Aio.currentTask().uncancel();
                    say("ready again");
                    Aio.sleep(60);
                }
            });
            say("Aio.run returned");
        } catch (CancelledException e) {
            say("Aio.run threw: " + e.getMessage());
        }
        // The JVM's own SIGINT handling is back: the next Ctrl-C ends the JVM.
        say("waiting");
        Thread.sleep(60_000);
        say("not interrupted");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
