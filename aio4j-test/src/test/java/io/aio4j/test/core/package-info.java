/**
 * Tests of {@code io.aio4j}'s composition (gather, shield, waitFor, wait, asCompleted,
 * timeout, TaskGroup, eager tasks). They live in aio4j-test, which depends on the core, so
 * that they run on the virtual-time {@link io.aio4j.test.TestLoop} through {@code @AioTest};
 * the package differs from {@code io.aio4j} because a JPMS module cannot share a package.
 */
package io.aio4j.test.core;
