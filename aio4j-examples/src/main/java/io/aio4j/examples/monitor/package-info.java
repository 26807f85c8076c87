/** {@code ./run demo monitor}: a small busy application watched by aio4j's live monitor. */
package io.aio4j.examples.monitor;
