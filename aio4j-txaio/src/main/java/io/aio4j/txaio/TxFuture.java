package io.aio4j.txaio;

/**
 * A framework-neutral handle on one backend-native future: an aio4j {@code Future}, a Netty
 * {@code Promise} or a {@code CompletableFuture}.
 *
 * <p>Complete, cancel and observe it through {@link TxApi} ({@code resolve}, {@code reject},
 * {@code cancel}, {@code addCallbacks}); use {@link #unwrap(Class)} to hand the native future to
 * framework-specific code.
 *
 * @param <T> the type of the result
 */
public interface TxFuture<T> {

    /**
     * Returns the native future behind this handle.
     *
     * @throws IllegalArgumentException if the native future is not a {@code nativeType}
     */
    <N> N unwrap(Class<N> nativeType);
}
