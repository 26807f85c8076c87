package io.aio4j.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.Transport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StreamReaderTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** Records pause/resume calls like a transport would receive them. */
    static final class FakeTransport implements Transport {
        boolean reading = true;

        @Override public void write(ByteBuffer data) { }
        @Override public void writeEof() { }
        @Override public boolean canWriteEof() { return true; }
        @Override public void close() { }
        @Override public void abort() { }
        @Override public boolean isClosing() { return false; }
        @Override public void pauseReading() { reading = false; }
        @Override public void resumeReading() { reading = true; }
        @Override public boolean isReading() { return reading; }
        @Override public void setWriteBufferLimits(int high, int low) { }
        @Override public int writeBufferSize() { return 0; }
        @Override public Object extraInfo(String name) { return null; }
    }

    @Test
    void readWaitsForDataAndReturnsWhatIsBuffered() {
        Aio.run(() -> {
            StreamReader r = new StreamReader();
            Task<byte[]> t = Aio.createTask(() -> r.read(100));
            Aio.sleep(0);
            assertFalse(t.isDone());
            r.feedData(b("hello"));
            assertEquals("hello", s(Aio.await(t)));
            r.feedData(b("abcdef"));
            assertEquals("abc", s(r.read(3)));
            r.feedEof();
            assertEquals("def", s(r.read()));
            assertTrue(r.atEof());
            assertEquals(0, r.read(10).length);
        });
    }

    @Test
    void feedDataCopiesWhileATransportChunkIsTakenOverWhole() {
        Aio.run(() -> {
            StreamReader r = new StreamReader();
            byte[] mine = {1, 2, 3};
            r.feedData(mine);
            mine[0] = 9; // the caller of the public feedData keeps its array
            assertArrayEquals(new byte[] {1, 2, 3}, r.read(10));
            byte[] chunk = {4, 5, 6};
            r.feedOwnedData(ByteBuffer.wrap(chunk)); // a transport's chunk, given up (Protocol.dataReceived)
            assertSame(chunk, r.read(10), "read() hands over the transport's chunk without a copy");
            r.feedOwnedData(ByteBuffer.wrap(new byte[] {7, 8}));
            r.feedOwnedData(ByteBuffer.wrap(new byte[] {9}));
            assertArrayEquals(new byte[] {7}, r.read(1));
            assertArrayEquals(new byte[] {8, 9}, r.read(10));
            return null;
        });
    }

    @Test
    void readLineReturnsLinesAndThePartialLastOneAtEof() {
        Aio.run(() -> {
            StreamReader r = new StreamReader();
            r.feedData(b("one\ntwo\nthr"));
            r.feedEof();
            assertEquals("one\n", s(r.readLine()));
            assertEquals("two\n", s(r.readLine()));
            assertEquals("thr", s(r.readLine()));
            assertEquals("", s(r.readLine()));
        });
    }

    @Test
    void readUntilFindsTheSeparatorThatEndsFirst() {
        Aio.run(() -> {
            StreamReader r = new StreamReader();
            r.feedData(b("abc\r\nxyz;rest"));
            assertEquals("abc\r\n", s(r.readUntil(b(";"), b("\r\n"))));
            assertEquals("xyz;", s(r.readUntil(b(";"), b("\r\n"))));
            assertThrows(IllegalArgumentException.class, () -> r.readUntil());
            assertThrows(IllegalArgumentException.class, () -> r.readUntil(new byte[0]));
        });
    }

    @Test
    void aSeparatorBeyondTheLimitIsAnOverrunThatLeavesTheData() {
        Aio.run(() -> {
            StreamReader r = new StreamReader(4);
            r.feedData(b("abcdefgh"));
            LimitOverrunException notFound = assertThrows(LimitOverrunException.class, () -> r.readUntil(b("\n")));
            assertEquals("Separator is not found, and chunk exceed the limit", notFound.getMessage());
            assertEquals(8, notFound.consumed());
            r.feedData(b("\n"));
            LimitOverrunException tooLong = assertThrows(LimitOverrunException.class, () -> r.readUntil(b("\n")));
            assertEquals("Separator is found, but chunk is longer than limit", tooLong.getMessage());
            assertEquals(8, tooLong.consumed());
            assertEquals("abcdefgh\n", s(r.readExactly(9)));
        });
    }

    @Test
    void readLineTurnsAnOverrunIntoIllegalArgumentAndDropsTheLine() {
        Aio.run(() -> {
            StreamReader r = new StreamReader(4);
            r.feedData(b("toolongline\nok\n"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::readLine);
            assertEquals("Separator is found, but chunk is longer than limit", e.getMessage());
            assertEquals("ok\n", s(r.readLine()));
        });
    }

    @Test
    void readExactlyAtEofIsAnIncompleteRead() {
        Aio.run(() -> {
            StreamReader r = new StreamReader();
            r.feedData(b("abc"));
            r.feedEof();
            IncompleteReadException e = assertThrows(IncompleteReadException.class, () -> r.readExactly(5));
            assertEquals("3 bytes read on a total of 5 expected bytes", e.getMessage());
            assertArrayEquals(b("abc"), e.partial());
            assertEquals(5, e.expected());
            assertThrows(IllegalArgumentException.class, () -> r.readExactly(-1));
            StreamReader r2 = new StreamReader();
            r2.feedData(b("ab"));
            r2.feedEof();
            IncompleteReadException u = assertThrows(IncompleteReadException.class, () -> r2.readUntil(b("\n")));
            assertEquals("2 bytes read on a total of undefined expected bytes", u.getMessage());
            assertEquals(-1, u.expected());
        });
    }

    @Test
    void twoReadersWaitingAtOnceIsAnError() {
        Aio.run(() -> {
            StreamReader r = new StreamReader();
            Task<byte[]> first = Aio.createTask(() -> r.read(1));
            Aio.sleep(0);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.read(1));
            assertEquals("read() called while another task is already waiting for incoming data", e.getMessage());
            r.feedData(b("x"));
            assertEquals("x", s(Aio.await(first)));
        });
    }

    @Test
    void theStoredExceptionIsThrownByReadsAndWakesAWaitingOne() {
        Aio.run(() -> {
            StreamReader r = new StreamReader();
            Task<byte[]> waiting = Aio.createTask(() -> r.read(1));
            Aio.sleep(0);
            ConnectionResetException error = new ConnectionResetException("gone");
            r.setException(error);
            assertSame(error, assertThrows(ConnectionResetException.class, () -> Aio.await(waiting)));
            assertSame(error, assertThrows(ConnectionResetException.class, () -> r.read(1)));
        });
    }

    @Test
    void theTransportIsPausedAboveTwiceTheLimitAndResumedAtTheLimit() {
        Aio.run(() -> {
            StreamReader r = new StreamReader(10);
            FakeTransport t = new FakeTransport();
            r.setTransport(t);
            r.feedData(new byte[20]);
            assertTrue(t.reading);
            r.feedData(new byte[1]);
            assertFalse(t.reading);
            r.readExactly(5);
            assertFalse(t.reading);
            r.readExactly(6);
            assertTrue(t.reading);
        });
    }
}
