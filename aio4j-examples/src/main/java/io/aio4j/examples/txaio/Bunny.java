package io.aio4j.examples.txaio;

import io.aio4j.txaio.IFailedFuture;
import io.aio4j.txaio.ILogger;
import io.aio4j.txaio.Txaio;

/**
 * The txaio guide's logging example: a class with its own logger, trace output that is not
 * shown at level debug, and a failure logged with its traceback.
 *
 * <p>Run: {@code java io.aio4j.examples.txaio.Bunny [aio4j|netty|jdk]}. The code is the same
 * whatever backend is selected, which is the point of txaio.
 */
public final class Bunny {
    private final ILogger log = Txaio.makeLogger();

    /** Hops {@code times} times, and fails on the way as the guide's bunny does. */
    public void hop(int times) {
        log.trace("Bunny.hop(times={times})", "times", times);
        log.debug("Hopping {times} times.", "times", times);
        try {
            throw new IllegalStateException("Fox spotted!");
        } catch (IllegalStateException e) {
            IFailedFuture fail = Txaio.createFailure(e);
            log.critical(Txaio.failureFormatTraceback(fail));
        }
    }

    /** Selects the backend named by the first argument (default jdk) and lets a bunny hop. */
    public static void main(String[] args) {
        switch (args.length > 0 ? args[0] : "jdk") {
            case "aio4j" -> Txaio.useAio4j();
            case "netty" -> Txaio.useNetty();
            case "jdk" -> Txaio.useJdk();
            default -> throw new IllegalArgumentException("backend must be aio4j, netty or jdk: " + args[0]);
        }
        System.out.println("output before startLogging");
        Txaio.startLogging("debug");
        Txaio.makeLogger().info("output after startLogging");
        Bunny jack = new Bunny();
        jack.hop(42);
    }
}
