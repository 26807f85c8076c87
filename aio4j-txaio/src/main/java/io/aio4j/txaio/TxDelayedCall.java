package io.aio4j.txaio;

/**
 * A call scheduled with {@code callLater}, for cancelling it before it runs.
 */
public interface TxDelayedCall {

    /**
     * Prevents the call from running if it has not run yet; calling it again, or after the call
     * ran, does nothing.
     */
    void cancel();
}
