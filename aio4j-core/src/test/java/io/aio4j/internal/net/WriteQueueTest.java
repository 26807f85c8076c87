package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WriteQueueTest {

    /** A channel that takes at most {@code perCall} bytes per write, like a socket with a full buffer. */
    static final class Trickle implements GatheringByteChannel {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        int perCall;
        int gatheringCalls;

        Trickle(int perCall) {
            this.perCall = perCall;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(perCall, src.remaining());
            for (int i = 0; i < n; i++) {
                taken.write(src.get());
            }
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            gatheringCalls++;
            long budget = perCall;
            long total = 0;
            for (int i = offset; i < offset + length && total < budget; i++) {
                ByteBuffer b = srcs[i];
                int n = (int) Math.min(budget - total, b.remaining());
                for (int k = 0; k < n; k++) {
                    taken.write(b.get());
                }
                total += n;
            }
            return total;
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void partialWritesDeliverEveryByteInOrderAcrossSegments() throws Exception {
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        WriteQueue q = new WriteQueue();
        Trickle ch = new Trickle(10_000);
        // Heap and direct sources, small and larger than a segment, interleaved with partial writes.
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[random.nextInt(3 * Segments.SEGMENT)];
            random.nextBytes(b);
            expected.writeBytes(b);
            ByteBuffer src = i % 2 == 0 ? ByteBuffer.wrap(b) : ByteBuffer.allocateDirect(b.length).put(b).flip();
            q.add(src);
            assertFalse(src.hasRemaining(), "add consumes its source");
            // The caller may reuse its buffer at once: what was queued must not change.
            java.util.Arrays.fill(b, (byte) 0);
            if (i % 3 == 0) {
                q.writeTo(ch);
            }
        }
        assertEquals(expected.size() - ch.taken.size(), q.size());
        ch.perCall = 1 << 20;
        while (!q.isEmpty()) {
            q.writeTo(ch);
        }
        assertArrayEquals(expected.toByteArray(), ch.taken.toByteArray());
        assertTrue(ch.gatheringCalls > 0, "several segments go out in one gathering write");
    }

    @Test
    void drainedAndClearedSegmentsGoBackToThePool() throws Exception {
        Segments pool = Segments.current();
        long out = pool.directOut();
        WriteQueue q = new WriteQueue();
        q.add(ByteBuffer.wrap(new byte[5 * Segments.SEGMENT + 1]));
        assertEquals(out + 6L * Segments.SEGMENT, pool.directOut());
        Trickle ch = new Trickle(2 * Segments.SEGMENT);
        q.writeTo(ch);
        assertEquals(out + 4L * Segments.SEGMENT, pool.directOut());
        q.clear();
        assertEquals(0, q.size());
        assertEquals(out, pool.directOut());
    }

    @Test
    void pastTheDirectBudgetSegmentsAreHeapBuffers() throws Exception {
        Segments pool = Segments.current();
        WriteQueue q = new WriteQueue();
        int total = (int) (Segments.MAX_DIRECT_BYTES + 3L * Segments.SEGMENT);
        byte[] chunk = new byte[Segments.SEGMENT];
        Random random = new Random(3);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int n = 0; n < total; n += chunk.length) {
            random.nextBytes(chunk);
            expected.writeBytes(chunk);
            q.add(ByteBuffer.wrap(chunk));
        }
        assertTrue(pool.directOut() <= Segments.MAX_DIRECT_BYTES, "direct memory stays within its budget");
        Trickle ch = new Trickle(Integer.MAX_VALUE);
        while (!q.isEmpty()) {
            q.writeTo(ch);
        }
        assertArrayEquals(expected.toByteArray(), ch.taken.toByteArray());
        assertEquals(0, pool.directOut());
    }
}
