/** Tests of {@code io.aio4j.queue}, ported from CPython's test_queues, on {@code @AioTest}. */
package io.aio4j.test.queue;
