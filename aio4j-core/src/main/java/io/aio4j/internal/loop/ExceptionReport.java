package io.aio4j.internal.loop;

import io.aio4j.ExceptionContext;

/** The text of the default exception handler: asyncio's {@code default_exception_handler} lines. */
public final class ExceptionReport {
    private ExceptionReport() {
    }

    /** The message, then {@code key: value} for each part of the context, then the creation site. */
    public static String format(ExceptionContext c) {
        StringBuilder sb = new StringBuilder(c.message() != null ? c.message() : "Unhandled exception in event loop");
        line(sb, "future", c.future());
        line(sb, "task", c.task());
        line(sb, "handle", c.handle());
        line(sb, "transport", c.transport());
        line(sb, "protocol", c.protocol());
        StackTraceElement[] source = c.sourceTraceback();
        if (source == CreationSite.NOT_RECORDED) {
            sb.append("\nsource_traceback: ").append(Debug.NOT_RECORDED_HINT);
        } else if (source != null && source.length > 0) {
            sb.append("\nsource_traceback: Object created at (most recent call last):");
            appendTraceback(sb, source);
        }
        return sb.toString();
    }

    /** Appends {@code frames} (innermost first) as lines, outermost first. */
    public static void appendTraceback(StringBuilder sb, StackTraceElement[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            sb.append("\n  at ").append(frames[i]);
        }
    }

    private static void line(StringBuilder sb, String key, Object value) {
        if (value != null) {
            sb.append('\n').append(key).append(": ").append(value);
        }
    }
}
