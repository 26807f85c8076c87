/** Tests of {@code io.aio4j.sync}, ported from CPython's test_locks, on {@code @AioTest}. */
package io.aio4j.test.sync;
