/**
 * Debug mode's machinery: reports made when objects are garbage collected in a bad state
 * (exceptions never retrieved, pending tasks destroyed, coroutines never awaited, resources
 * never closed), the slow-callback watchdog, task dumps and JDK Flight Recorder events.
 *
 * <p>Reports made after collection use {@link java.lang.ref.Cleaner}, never finalizers. The
 * state a cleaner keeps must not reach the object it watches (or the object would never be
 * collected), so those reports carry the object's description, computed when it was
 * registered, not the object itself: {@code ExceptionContext.future()} is {@code null} there.
 * They run on the daemon thread {@code aio4j-cleaner}, so a custom exception handler may be
 * called on that thread.
 */
package io.aio4j.internal.debug;
