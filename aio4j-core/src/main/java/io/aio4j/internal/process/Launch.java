package io.aio4j.internal.process;

import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.net.IoErrors;
import io.aio4j.process.ProcessOptions;
import io.aio4j.process.Redirect;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Starts a child with {@link ProcessBuilder} from aio4j's options, logging as asyncio does in debug mode. */
final class Launch {
    private static final System.Logger LOG = AioLogger.LOG;
    private static final File DEV_NULL = new File("/dev/null");

    private Launch() {
    }

    /** {@code "execute program 'ls' stdin=<pipe> stdout=<pipe> stderr=<pipe>"}: arguments are not logged. */
    static String describe(String what, ProcessOptions options) {
        StringBuilder sb = new StringBuilder(what);
        append(sb, "stdin", options.stdin());
        if (options.stderr() == Redirect.STDOUT && options.stdout() != Redirect.INHERIT) {
            append(sb, "stdout=stderr", options.stdout());
        } else {
            append(sb, "stdout", options.stdout());
            append(sb, "stderr", options.stderr());
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, Redirect redirect) {
        switch (redirect) {
            case PIPE -> sb.append(' ').append(name).append("=<pipe>");
            case DEVNULL -> sb.append(' ').append(name).append("=<devnull>");
            case STDOUT -> sb.append(' ').append(name).append("=<stdout>");
            case INHERIT -> { } // asyncio's None: not logged
        }
    }

    /** Starts {@code argv} ({@code program} names it in the log); an {@link IOException} (no such program…) comes back mapped to aio4j's hierarchy. */
    static Process start(List<String> argv, String program, ProcessOptions options, boolean debug) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectInput(switch (options.stdin()) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.from(DEV_NULL);
            default -> ProcessBuilder.Redirect.INHERIT;
        });
        pb.redirectOutput(output(options.stdout()));
        if (options.stderr() == Redirect.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(output(options.stderr()));
        }
        if (options.cwd() != null) {
            pb.directory(options.cwd().toFile());
        }
        if (options.env() != null) {
            Map<String, String> env = pb.environment();
            env.clear();
            env.putAll(options.env());
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
        if (debug) {
            LOG.log(System.Logger.Level.DEBUG, "process '" + program + "' created: pid " + process.pid());
        }
        return process;
    }

    private static ProcessBuilder.Redirect output(Redirect redirect) {
        return switch (redirect) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.DISCARD;
            default -> ProcessBuilder.Redirect.INHERIT;
        };
    }
}
