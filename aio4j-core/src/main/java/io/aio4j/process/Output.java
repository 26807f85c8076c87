package io.aio4j.process;

/**
 * What {@link Subprocess#communicate} collected: the child's whole stdout and stderr, each
 * {@code null} when that stream was not a {@link Redirect#PIPE}.
 */
public record Output(byte[] stdout, byte[] stderr) {
}
