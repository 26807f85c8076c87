package io.aio4j.txaio.internal;

import io.aio4j.txaio.IFailedFuture;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Formatting of {@link IFailedFuture}s; never throws, whatever it is given.
 */
final class Failures {
    private Failures() {
    }

    static String message(IFailedFuture f) {
        try {
            Throwable t = f.value();
            String message = t.getMessage();
            return t.getClass().getSimpleName() + ": " + (message == null ? "" : message);
        } catch (RuntimeException e) {
            return "Failed to produce failure message for \"" + safeToString(f) + "\"";
        }
    }

    static StackTraceElement[] traceback(IFailedFuture f) {
        try {
            return f.value().getStackTrace();
        } catch (RuntimeException e) {
            return new StackTraceElement[0];
        }
    }

    static String formatTraceback(IFailedFuture f) {
        try {
            StringWriter out = new StringWriter();
            try (PrintWriter writer = new PrintWriter(out)) {
                f.value().printStackTrace(writer);
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "Failed to format failure traceback for \"" + safeToString(f) + "\"";
        }
    }

    private static String safeToString(Object o) {
        try {
            return String.valueOf(o);
        } catch (RuntimeException e) {
            return o.getClass().getName();
        }
    }
}
