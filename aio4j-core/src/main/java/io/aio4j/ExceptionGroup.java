package io.aio4j;

import java.util.List;
import java.util.Objects;

/**
 * Python's {@code ExceptionGroup}: several exceptions raised together, as {@link Aio#taskGroup}
 * does with the failures of its tasks ({@code "unhandled errors in a TaskGroup"}). Each
 * exception is also attached as {@linkplain #getSuppressed() suppressed}, so that stack traces
 * print all of them.
 */
public final class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> exceptions;

    /**
     * A group of {@code exceptions}, in order.
     *
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message);
        List<Throwable> copy = List.copyOf(Objects.requireNonNull(exceptions, "exceptions"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("second argument (exceptions) must be a non-empty sequence");
        }
        this.exceptions = copy;
        for (Throwable t : copy) {
            addSuppressed(t);
        }
    }

    /** The exceptions of the group, in the order they were raised. */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** Python's rendering: {@code unhandled errors in a TaskGroup (2 sub-exceptions)}. */
    @Override
    public String toString() {
        int n = exceptions.size();
        return getClass().getName() + ": " + getMessage() + " (" + n + " sub-exception" + (n == 1 ? ")" : "s)");
    }
}
