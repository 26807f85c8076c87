/** Conversions of {@link java.time.Duration}s to the loop's units, shared by every {@code Duration} overload. */
package io.aio4j.internal.time;
