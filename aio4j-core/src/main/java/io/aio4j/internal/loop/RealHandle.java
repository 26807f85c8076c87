package io.aio4j.internal.loop;

import io.aio4j.Handle;
import io.aio4j.internal.Describe;
import java.util.function.Consumer;

/**
 * A callback queued on the loop: a {@link Runnable}, or a {@link Consumer} with its argument.
 * Queued from another thread, it is its own entry of the {@link ThreadsafeQueue}.
 */
class RealHandle extends ThreadsafeQueue.Link implements Handle, Runnable {
    static final Object NO_ARG = new Object();

    final Object fn;
    final Object arg;
    final CreationSite creationSite;
    boolean cancelled;

    RealHandle(Object fn, Object arg, CreationSite creationSite) {
        this.fn = fn;
        this.arg = arg;
        this.creationSite = creationSite;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        if (cancelled) {
            return;
        }
        if (arg == NO_ARG) {
            ((Runnable) fn).run();
        } else {
            ((Consumer<Object>) fn).accept(arg);
        }
    }

    @Override
    final Runnable take() {
        return this;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(kind());
        if (cancelled) {
            sb.append(" cancelled");
        }
        describeInto(sb);
        sb.append(' ').append(Describe.callable(fn)).append(arg == NO_ARG ? "()" : "(" + Describe.value(arg) + ")");
        if (creationSite != null) {
            creationSite.appendCreatedAt(sb);
        }
        return sb.append('>').toString();
    }

    /** Where the handle was created (debug mode; {@link CreationSite#NOT_RECORDED} if not sampled), or null. */
    StackTraceElement[] sourceTraceback() {
        return creationSite == null ? null : creationSite.sourceTraceback();
    }

    String kind() {
        return "Handle";
    }

    void describeInto(StringBuilder sb) {
    }
}
