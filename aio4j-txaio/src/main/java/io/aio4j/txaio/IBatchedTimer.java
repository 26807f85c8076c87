package io.aio4j.txaio;

/**
 * A timer for very many calls whose exact time does not matter (timeouts, pings): calls are
 * grouped into buckets so the loop holds one real timer per bucket, not one per call.
 *
 * <p>Made by {@link TxApi#makeBatchedTimer(double, int)}. A call never runs before its delay has
 * elapsed: its due time is rounded up to the millisecond, then up to the end of its bucket, and
 * the calls of a bucket then run in chunks spread over the following bucket interval. A call's
 * exception goes to the loop's exception handler; the other calls still run.
 */
public interface IBatchedTimer {

    /**
     * Schedules {@code fn} to run on the loop no earlier than {@code delaySeconds} from now.
     *
     * @throws IllegalArgumentException if the delay is negative, NaN or infinite, or fn is null
     */
    TxDelayedCall callLater(double delaySeconds, Runnable fn);
}
