/**
 * The event loop. {@link io.aio4j.internal.loop.SelectorEventLoop} is the run loop (asyncio's
 * {@code _run_once}); {@code LoopServices}, which it extends, is everything else a loop offers, each
 * a forward to a collaborator; {@link io.aio4j.internal.loop.LoopCore} is what the API types need
 * from it. The collaborators, one concern each: {@code LoopThreads} (who holds the loop, task
 * strands), {@code ThreadsafeQueue} (work from other threads, the wakeup protocol),
 * {@code SelectorPoller} (the wait for I/O), {@code TimerHeap}, {@code TaskRegistry},
 * {@code EagerStart}, {@code LoopTasks} (what a task asks of its loop), {@code LoopExecutors},
 * {@code ExceptionReporter}, {@code LoopDebug} and {@link io.aio4j.internal.loop.LoopIo} (sockets,
 * pipes, subprocesses, signals); {@link io.aio4j.internal.loop.LoopProbe} is what a monitor reads
 * of a loop from its own thread. The seams a loop built on it injects (clock, poller) are in
 * {@link io.aio4j.internal.loop.spi}.
 */
package io.aio4j.internal.loop;
