package io.aio4j.internal.debug;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.ExceptionReport;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;

/** The cleaner shared by debug mode's after-collection reports, and where those reports go. */
final class Reports {
    static final System.Logger LOG = AioLogger.LOG;
    static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "aio4j-cleaner");
        t.setDaemon(true);
        return t;
    });

    private Reports() {
    }

    /**
     * Sends {@code context} to the exception handler of the loop, if it is still alive, or to the
     * default handler's log. The loop is held weakly: a cleaner's state must not keep it alive,
     * since the loop may be what keeps the watched object reachable.
     */
    static void report(WeakReference<EventLoop> loopRef, ExceptionContext context) {
        EventLoop loop = loopRef.get();
        if (loop != null) {
            loop.callExceptionHandler(context);
        } else {
            LOG.log(System.Logger.Level.ERROR, ExceptionReport.format(context), context.exception());
        }
    }

    /** {@code header}, then {@code frames} (innermost first) as lines, outermost first. */
    static String withTraceback(String header, StackTraceElement[] frames) {
        StringBuilder sb = new StringBuilder(header);
        ExceptionReport.appendTraceback(sb, frames);
        return sb.toString();
    }
}
