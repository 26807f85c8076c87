package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ByteQueueTest {

    @Test
    void anAdoptedChunkTakenWholeIsHandedBackWithoutACopy() {
        ByteQueue q = new ByteQueue();
        byte[] chunk = {1, 2, 3, 4};
        q.adopt(ByteBuffer.wrap(chunk));
        assertSame(chunk, q.take(100));
        assertEquals(0, q.size());
        q.append(ByteBuffer.wrap(new byte[] {9}));
        assertArrayEquals(new byte[] {9}, q.take(1));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, chunk, "the queue no longer writes into an array it handed out");
    }

    @Test
    void adoptCopiesWhenDataIsQueuedOrTheArrayIsNotWhole() {
        ByteQueue q = new ByteQueue();
        q.append(ByteBuffer.wrap(new byte[] {1}));
        byte[] second = {2, 3};
        q.adopt(ByteBuffer.wrap(second));
        second[0] = 0;
        assertArrayEquals(new byte[] {1, 2, 3}, q.take(3));
        byte[] part = {5, 6, 7};
        q.adopt(ByteBuffer.wrap(part, 1, 2));
        byte[] got = q.take(2);
        assertNotSame(part, got);
        assertArrayEquals(new byte[] {6, 7}, got);
        ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {8}).asReadOnlyBuffer();
        q.adopt(readOnly);
        assertArrayEquals(new byte[] {8}, q.take(1));
    }

    @Test
    void appendsAfterAnAdoptedChunkKeepOrderAndPartialTakesCopy() {
        ByteQueue q = new ByteQueue();
        byte[] chunk = {1, 2, 3};
        q.adopt(ByteBuffer.wrap(chunk));
        q.append(ByteBuffer.wrap(new byte[] {4, 5}));
        assertArrayEquals(new byte[] {1, 2}, q.take(2));
        assertEquals(3, q.size());
        assertArrayEquals(new byte[] {3, 4, 5}, q.take(10));
        assertArrayEquals(new byte[] {1, 2, 3}, chunk, "the adopted array was not written over");
    }

    @Test
    void aChunkJoiningAnAdoptedOneMovesBothIntoTheQueuesStorage() {
        ByteQueue q = new ByteQueue();
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5};
        q.adopt(ByteBuffer.wrap(first));
        q.adopt(ByteBuffer.wrap(second));
        assertEquals(5, q.size());
        assertEquals(3, q.indexOf(new byte[] {4, 5}, 0));
        byte[] all = q.take(10);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, all);
        assertNotSame(first, all);
        byte[] third = {6};
        q.adopt(ByteBuffer.wrap(third));
        assertSame(third, q.take(1));
        q.append(ByteBuffer.wrap(new byte[] {7, 8}));
        q.skip(2);
        assertEquals(0, q.size());
    }
}
