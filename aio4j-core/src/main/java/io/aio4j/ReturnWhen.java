package io.aio4j;

/** When {@link Aio#wait(java.util.Collection, double, ReturnWhen)} returns: asyncio's constants of the same names. */
public enum ReturnWhen {
    /** As soon as any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** As soon as any future finishes with an exception, or when all are done. */
    FIRST_EXCEPTION,
    /** When all futures are done. */
    ALL_COMPLETED
}
