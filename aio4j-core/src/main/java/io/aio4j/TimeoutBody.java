package io.aio4j;

/**
 * The body of {@link Aio#timeout(double, TimeoutBody)} and {@link Aio#timeoutAt}: async code
 * that receives its {@link Timeout}, to {@linkplain Timeout#reschedule reschedule} it or ask
 * whether it {@linkplain Timeout#expired() expired}.
 */
@FunctionalInterface
public interface TimeoutBody<T> {
    /** Runs the body inside the timeout's scope, in the current task. */
    T run(Timeout timeout) throws Exception;
}
