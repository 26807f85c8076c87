package io.aio4j.sync;

import io.aio4j.EventLoop;
import io.aio4j.internal.LoopBinding;

/** asyncio's {@code _LoopBoundMixin}: binds a primitive to the first loop that waits on it. */
abstract class LoopBound {
    private final LoopBinding binding = new LoopBinding();

    LoopBound() {
    }

    /**
     * The running loop, bound to this object on first use.
     *
     * @throws IllegalStateException {@code "<…> is bound to a different event loop"}, or when no loop runs
     */
    final EventLoop boundLoop() {
        return binding.loop(this);
    }

    /** The start of a repr: {@code <Lock@1b6d3586}. */
    final String reprPrefix() {
        return "<" + getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(this));
    }
}
