package io.aio4j.txaio.internal.timer;

import io.aio4j.txaio.IBatchedTimer;
import io.aio4j.txaio.TxDelayedCall;
import io.aio4j.txaio.internal.Checks;
import io.aio4j.txaio.spi.Driver;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link IBatchedTimer} of every backend: calls are grouped by due bucket, and the loop holds
 * one real timer per non-empty bucket.
 */
public final class BatchedTimer implements IBatchedTimer {
    /*
     * Overview: a call due at time t (driver clock) belongs to the bucket whose end is t rounded up
     * to the millisecond, then up to a multiple of the bucket length; the bucket's real timer fires
     * at that end, so no call runs early. When it fires, the bucket leaves the map and its calls run
     * in chunks of chunkSize, the next chunk scheduled bucketLength / chunkCount later, so a huge
     * bucket is spread over one bucket interval and the loop stays responsive between chunks.
     *
     * A call is pending while its fn is non-null; running or cancelling it clears fn, so cancel is
     * idempotent and a call runs at most once. A bucket whose calls are all cancelled before it
     * fires cancels its real timer. All state is guarded by this timer's monitor, so the JDK
     * backend may use it from several executor threads; fn itself runs outside the monitor.
     */
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Driver driver;
    private final long bucketMillis;
    private final int chunkSize;
    private final Map<Long, Bucket> buckets = new HashMap<>();
    private Bucket lastBucket;

    /**
     * Creates a timer on {@code driver}'s loop.
     *
     * @throws IllegalArgumentException if bucketSeconds is not positive and finite, or chunkSize &lt; 1
     */
    public BatchedTimer(Driver driver, double bucketSeconds, int chunkSize) {
        if (!(bucketSeconds > 0) || Double.isInfinite(bucketSeconds)) {
            throw new IllegalArgumentException("bucketSeconds must be > 0 and finite: " + bucketSeconds);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize < 1: " + chunkSize);
        }
        this.driver = driver;
        this.bucketMillis = Math.max(1L, (long) Math.ceil(bucketSeconds * 1000.0));
        this.chunkSize = chunkSize;
    }

    @Override
    public TxDelayedCall callLater(double delaySeconds, Runnable fn) {
        long delayNanos = Checks.delayNanos(delaySeconds);
        Checks.notNull(fn, "fn");
        long now = driver.nanoTime();
        long dueMillis = Math.ceilDiv(saturatedAdd(now, delayNanos), NANOS_PER_MILLI);
        long bucketEnd = Math.ceilDiv(dueMillis, bucketMillis) * bucketMillis;
        synchronized (this) {
            // consecutive calls usually share a bucket: skip the map lookup (and the Long boxing) then
            Bucket bucket = lastBucket != null && lastBucket.end == bucketEnd && !lastBucket.fired
                    ? lastBucket : buckets.get(bucketEnd);
            if (bucket == null) {
                bucket = new Bucket(bucketEnd);
                buckets.put(bucketEnd, bucket);
                Bucket firing = bucket;
                bucket.realTimer = driver.schedule(bucketEnd * NANOS_PER_MILLI - now, () -> fire(firing));
            }
            lastBucket = bucket;
            return bucket.add(fn);
        }
    }

    /** Returns how many buckets are waiting for their real timer. */
    public synchronized int pendingBuckets() {
        return buckets.size();
    }

    private void fire(Bucket bucket) {
        Call[] calls;
        int size;
        synchronized (this) {
            buckets.remove(bucket.end, bucket);
            bucket.fired = true;
            calls = bucket.calls;
            size = bucket.size;
            bucket.calls = null;
        }
        long chunks = (size + chunkSize - 1L) / chunkSize;
        long spacingNanos = chunks == 0 ? 0 : bucketMillis * NANOS_PER_MILLI / chunks;
        runChunk(calls, size, 0, spacingNanos);
    }

    private void runChunk(Call[] calls, int size, int start, long spacingNanos) {
        int end = (int) Math.min((long) start + chunkSize, size);
        for (int i = start; i < end; i++) {
            Call call = calls[i];
            calls[i] = null;
            call.run();
        }
        if (end < size) {
            driver.schedule(spacingNanos, () -> runChunk(calls, size, end, spacingNanos));
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public String toString() {
        return "BatchedTimer[bucket=" + bucketMillis + "ms, chunk=" + chunkSize + ", buckets=" + pendingBuckets() + "]";
    }

    /** The calls due by one bucket end, and the real timer that fires them. */
    private final class Bucket {
        final long end;
        TxDelayedCall realTimer;
        Call[] calls = new Call[4];
        int size;
        int live;
        boolean fired;

        Bucket(long end) {
            this.end = end;
        }

        Call add(Runnable fn) {
            if (size == calls.length) {
                calls = Arrays.copyOf(calls, size + (size >> 1) + 1);
            }
            Call call = new Call(this, fn);
            calls[size++] = call;
            live++;
            return call;
        }
    }

    /** One batched call; 24 bytes with compressed oops, plus the caller's Runnable. */
    private final class Call implements TxDelayedCall {
        private final Bucket bucket;
        private Runnable fn;

        Call(Bucket bucket, Runnable fn) {
            this.bucket = bucket;
            this.fn = fn;
        }

        void run() {
            Runnable task;
            synchronized (BatchedTimer.this) {
                task = fn;
                fn = null;
            }
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                driver.reportError("Exception in batched timer call " + task, t);
            }
        }

        @Override
        public void cancel() {
            synchronized (BatchedTimer.this) {
                if (fn == null) {
                    return;
                }
                fn = null;
                if (!bucket.fired && --bucket.live == 0) {
                    bucket.fired = true; // emptied: never reused, even as lastBucket
                    buckets.remove(bucket.end, bucket);
                    bucket.realTimer.cancel();
                }
            }
        }

        @Override
        public String toString() {
            return "BatchedCall[due by " + bucket.end + "ms, " + (fn == null ? "done or cancelled" : "pending") + "]";
        }
    }
}
