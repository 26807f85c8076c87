/**
 * {@code LoopGroup}'s machinery: the loops' threads, their graceful shutdown, and waiting for
 * work handed to other loops from a task or from a plain thread.
 */
package io.aio4j.internal.group;
