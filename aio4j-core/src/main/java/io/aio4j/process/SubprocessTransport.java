package io.aio4j.process;

import io.aio4j.net.Transport;

/**
 * asyncio's {@code SubprocessTransport}: a running child process and its pipes, used from the
 * loop's thread. Signals go to the child only while it runs: once it has exited they are ignored,
 * and once the transport is finished (the protocol's {@code connectionLost}) they throw, as
 * asyncio's {@code ProcessLookupError}.
 */
public interface SubprocessTransport extends AutoCloseable {
    /** The child's process id. */
    long pid();

    /**
     * The child's exit status, {@code null} while it runs: its exit code, or {@code -N} when it
     * died from signal {@code N} (see {@link Subprocess#waitFor()} for how that is told apart).
     */
    Integer returncode();

    /** The transport of the child's pipe {@code fd} (0, 1 or 2), or {@code null} when it is not a pipe. */
    Transport pipeTransport(int fd);

    /** The protocol this transport reports to. */
    SubprocessProtocol protocol();

    /**
     * Sends signal {@code signal} (e.g. {@link Signals#SIGHUP}) to the child.
     *
     * @throws IllegalArgumentException when {@code signal} is not a signal number (1 to 64)
     * @throws IllegalStateException {@code "No such process: …"} when the transport is finished
     */
    void sendSignal(int signal);

    /** Sends SIGTERM: asks the child to stop. */
    void terminate();

    /** Sends SIGKILL: stops the child at once. */
    void kill();

    /** Whether {@link #close} was called. */
    boolean isClosing();

    /**
     * Closes the pipes and, if the child still runs, kills it (logging
     * {@code Close running child process: kill <transport>} in debug mode).
     */
    @Override
    void close();
}
