/** The event loop implementation: ready queue, timer heap, selector, thread checks, executors. */
package io.aio4j.internal.loop;
