package io.aio4j.process;

/** Where one of a child's standard streams goes (asyncio's {@code PIPE}, {@code DEVNULL}, {@code STDOUT}, or {@code None}). */
public enum Redirect {
    /** A pipe to this process: a stream on {@link Subprocess}, pipe data on a {@link SubprocessProtocol}. */
    PIPE,
    /** {@code /dev/null}: nothing is read, everything written is discarded. */
    DEVNULL,
    /** The same stream as this JVM's. */
    INHERIT,
    /** For stderr only: wherever stdout goes. */
    STDOUT
}
