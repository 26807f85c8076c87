/**
 * Child processes (asyncio's {@code asyncio.subprocess}): {@link io.aio4j.process.Subprocess}
 * starts a program or a shell command from a task and talks to it through streams; the
 * loop's {@code subprocessExec}/{@code subprocessShell} give the protocol-level
 * {@link io.aio4j.process.SubprocessTransport}; {@link io.aio4j.process.Signals} names the
 * signals that {@code sendSignal} and the loop's {@code addSignalHandler} take.
 *
 * <p>A child is started with {@link java.lang.ProcessBuilder}. Its pipes are pumped by
 * virtual threads that hand each chunk to the loop, so the loop never blocks on a pipe and
 * flow control holds: a reader that stops reading stops the pump, which stops the child.
 */
package io.aio4j.process;
