package io.aio4j.txaio.conformance;

import io.aio4j.txaio.IFailedFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Callbacks and errbacks that record what they receive.
 */
final class Recorder {
    final List<Object> results = new ArrayList<>();
    final List<IFailedFuture> failures = new ArrayList<>();

    <T> Function<T, T> callback() {
        return value -> {
            results.add(value);
            return value;
        };
    }

    <T> Function<IFailedFuture, T> errback() {
        return failure -> {
            failures.add(failure);
            return null;
        };
    }
}
