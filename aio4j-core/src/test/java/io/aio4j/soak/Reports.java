package io.aio4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aio4j.EventLoop;
import io.aio4j.ExceptionContext;
import io.aio4j.ExceptionHandler;
import io.aio4j.net.AioIOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counting exception handler: installed on a soak scenario's loop, it sorts every report into
 * typed (the exception is one of the documented {@link AioIOException}s: OS and TLS errors, such as
 * a garbage TLS client's failed handshake) and untyped (anything else, reports without an
 * exception included), and {@link #assertNoUntyped} fails the scenario on the first untyped one.
 * Reports may arrive on any thread (the cleaner's included).
 */
final class Reports implements ExceptionHandler {
    private final AtomicInteger typed = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> untyped = new ConcurrentLinkedQueue<>();

    /** Installs a new counting handler on {@code loop}. */
    static Reports on(EventLoop loop) {
        Reports r = new Reports();
        loop.setExceptionHandler(r);
        return r;
    }

    @Override
    public void handle(EventLoop loop, ExceptionContext context) {
        if (context.exception() instanceof AioIOException) {
            typed.incrementAndGet();
        } else {
            untyped.add(context.message() + ": " + context.exception());
            loop.defaultExceptionHandler(context);
        }
    }

    /** Reports whose exception is a documented typed error. */
    int typed() {
        return typed.get();
    }

    /** Reports of anything else. */
    int untyped() {
        return untyped.size();
    }

    /** Fails, listing them, if any untyped report arrived. */
    void assertNoUntyped() {
        assertEquals(List.of(), List.copyOf(untyped), "untyped reports to the loop's exception handler");
    }
}
