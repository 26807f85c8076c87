package io.aio4j.sync;

/** The {@link Acquired} that {@code hold()} returns: runs the release once. */
final class Release implements Acquired {
    private Runnable release;

    Release(Runnable release) {
        this.release = release;
    }

    @Override
    public void close() {
        Runnable r = release;
        if (r != null) {
            release = null;
            r.run();
        }
    }
}
