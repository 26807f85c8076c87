package io.aio4j.process;

import java.nio.ByteBuffer;

/**
 * asyncio's {@code SubprocessProtocol}: what a child process's transport tells its owner. Every
 * method runs on the loop's thread and must not block. File descriptors are the child's: 0 for
 * stdin, 1 for stdout, 2 for stderr.
 */
public interface SubprocessProtocol {
    /** The child is running and its pipes are connected; {@code transport} controls it. */
    default void connectionMade(SubprocessTransport transport) {
    }

    /** The child wrote {@code data} to its stdout ({@code fd} 1) or stderr (2); the buffer is the protocol's to keep. */
    default void pipeDataReceived(int fd, ByteBuffer data) {
    }

    /** The pipe for {@code fd} is closed: {@code null} at EOF or after a regular close, else the error. */
    default void pipeConnectionLost(int fd, Throwable errorOrNull) {
    }

    /** The child exited; {@link SubprocessTransport#returncode()} says how. Output may still be arriving. */
    default void processExited() {
    }

    /** The child exited and all its pipes are closed: nothing more will be called. */
    default void connectionLost(Throwable errorOrNull) {
    }

    /** The child's stdin buffer went above its high-water mark: stop writing until {@link #resumeWriting}. */
    default void pauseWriting() {
    }

    /** The child's stdin buffer drained to its low-water mark. */
    default void resumeWriting() {
    }
}
