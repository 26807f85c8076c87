/**
 * {@link io.aio4j.test.CancellationSweep} applied to every awaitable operation of aio4j (issue 11):
 * each is cancelled at every loop iteration it takes, and must leak nothing and lose nothing.
 */
package io.aio4j.test.sweep;
