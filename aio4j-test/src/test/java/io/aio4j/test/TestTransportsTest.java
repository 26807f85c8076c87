package io.aio4j.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.aio4j.Aio;
import io.aio4j.ExceptionContext;
import io.aio4j.Task;
import io.aio4j.net.BufferedProtocol;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import io.aio4j.stream.IncompleteReadException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/** {@link TestTransports}: in-memory connections with the socket transport's semantics. */
@Timeout(60)
class TestTransportsTest {

    /** Records every callback, in order; writes back what {@code onData} says. */
    static class Recorder implements Protocol {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        Transport transport;
        boolean keepOpenOnEof = true;
        Throwable lostWith;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            events.add("made");
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            received.writeBytes(b);
            events.add("data " + b.length);
        }

        @Override
        public boolean eofReceived() {
            events.add("eof");
            return keepOpenOnEof;
        }

        @Override
        public void connectionLost(Throwable errorOrNull) {
            lostWith = errorOrNull;
            events.add("lost" + (errorOrNull == null ? "" : " " + errorOrNull.getClass().getSimpleName()));
        }

        @Override
        public void pauseWriting() {
            events.add("pause");
        }

        @Override
        public void resumeWriting() {
            events.add("resume");
        }

        String text() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    @AioTest
    void bytesWrittenAtOneEndReachTheOtherEndsProtocolOnTheLoop(TestLoop loop) {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        TestTransports.Pair pair = TestTransports.pair(a, b);
        assertEquals(List.of(), a.events);
        loop.runCurrent();
        assertSame(pair.left(), a.transport);
        assertSame(pair.right(), b.transport);
        pair.left().write("hello ".getBytes(StandardCharsets.UTF_8));
        pair.left().write(ByteBuffer.wrap("world".getBytes(StandardCharsets.UTF_8)));
        assertEquals(11, pair.left().writeBufferSize());
        assertEquals("", b.text());
        loop.runCurrent();
        assertEquals("hello world", b.text());
        assertEquals(0, pair.left().writeBufferSize());
        assertEquals(List.of("made", "data 11"), b.events);
        assertEquals(0.0, loop.time());
        pair.left().close();
        pair.right().close();
        loop.runCurrent();
    }

    @AioTest
    void writeEofIsEofReceivedAfterTheDataAndClosesBothWhenTheProtocolSaysSo(TestLoop loop) {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        b.keepOpenOnEof = false;
        TestTransports.Pair pair = TestTransports.pair(a, b);
        loop.runCurrent();
        assertTrue(pair.left().canWriteEof());
        pair.left().write(new byte[] {1, 2, 3});
        pair.left().writeEof();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pair.left().write(new byte[] {4}));
        assertEquals("Cannot call write() after writeEof()", e.getMessage());
        loop.runCurrent();
        // b's eofReceived returned false: b closed, which sends a its EOF, and both connections are lost.
        assertEquals(List.of("made", "data 3", "eof", "lost"), b.events);
        assertEquals(List.of("made", "eof"), a.events);
        assertTrue(pair.right().isClosing());
        pair.left().close();
        loop.runCurrent();
        assertEquals(List.of("made", "eof", "lost"), a.events);
    }

    @AioTest
    void closeFlushesThenLosesTheConnectionAndTheWritesAfterAreDropped(TestLoop loop) {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        TestTransports.Pair pair = TestTransports.pair(a, b);
        pair.left().write(new byte[10]);
        pair.left().close();
        assertTrue(pair.left().isClosing());
        assertFalse(pair.left().isReading());
        pair.left().write(new byte[5]);
        loop.runCurrent();
        assertEquals(List.of("made", "lost"), a.events);
        assertNull(a.lostWith);
        assertEquals(List.of("made", "data 10", "eof"), b.events);
        pair.right().close();
        loop.runCurrent();
        assertEquals(List.of("made", "data 10", "eof", "lost"), b.events);
    }

    @AioTest
    void abortDropsTheBufferAndBytesForAClosedPeerResetTheWriter(TestLoop loop) {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        TestTransports.Pair pair = TestTransports.pair(a, b);
        loop.runCurrent();
        pair.left().write(new byte[10]);
        pair.left().abort();
        loop.runCurrent();
        assertEquals(List.of("made", "lost"), a.events);
        assertEquals(List.of("made", "eof"), b.events);
        pair.right().write(new byte[3]);
        loop.runCurrent();
        assertEquals(List.of("made", "eof", "lost ConnectionResetException"), b.events);
        assertInstanceOf(ConnectionResetException.class, b.lostWith);
    }

    @AioTest
    void aPeerThatPausesReadingMakesTheBufferGrowPastTheHighWaterMark(TestLoop loop) {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        TestTransports.Pair pair = TestTransports.pair(a, b);
        loop.runCurrent();
        pair.left().setWriteBufferLimits(100, 20);
        pair.right().pauseReading();
        assertFalse(pair.right().isReading());
        pair.left().write(new byte[60]);
        loop.runCurrent();
        pair.left().write(new byte[60]);
        assertEquals(List.of("made", "pause"), a.events);
        loop.runCurrent();
        assertEquals(120, pair.left().writeBufferSize());
        assertEquals(List.of("made"), b.events);
        pair.right().resumeReading();
        loop.runCurrent();
        assertEquals(List.of("made", "pause", "resume"), a.events);
        assertEquals(List.of("made", "data 120"), b.events);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pair.left().setWriteBufferLimits(1, 2));
        assertEquals("high (1) must be >= low (2) must be >= 0", e.getMessage());
        pair.left().close();
        pair.right().close();
        loop.runCurrent();
    }

    @AioTest
    void extraInfoAndTheTypedViewsNameTheEnds(TestLoop loop) {
        TestTransports.Pair pair = TestTransports.pair(new Recorder(), new Recorder());
        assertEquals(TestTransports.LEFT_ADDRESS, pair.left().localAddress());
        assertEquals(TestTransports.RIGHT_ADDRESS, pair.left().peerAddress());
        assertEquals(TestTransports.RIGHT_ADDRESS, pair.right().extraInfo("sockname"));
        assertEquals(TestTransports.LEFT_ADDRESS, pair.right().extraInfo("peername"));
        assertNull(pair.left().sslSession());
        assertNull(pair.left().extraInfo("socket"));
        assertSame(pair.right(), pair.left().peer());
        pair.left().close();
        pair.right().close();
        Aio.sleep(0);
    }

    @AioTest
    void aBufferedProtocolGetsTheBytesInItsOwnBuffer(TestLoop loop) {
        ByteBuffer into = ByteBuffer.allocate(4);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        BufferedProtocol buffered = new BufferedProtocol() {
            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                into.clear();
                return into;
            }

            @Override
            public void bufferUpdated(int nbytes) {
                got.write(into.array(), 0, nbytes);
            }
        };
        TestTransports.Pair pair = TestTransports.pair(new Recorder(), buffered);
        pair.left().write("0123456789".getBytes(StandardCharsets.UTF_8));
        loop.runCurrent();
        assertEquals("0123456789", got.toString(StandardCharsets.UTF_8));
        pair.left().close();
        pair.right().close();
        loop.runCurrent();
    }

    @Test
    void aProtocolThatThrowsIsAFatalErrorReportedToTheHandler() {
        try (TestLoop loop = new TestLoop()) {
            List<ExceptionContext> reports = new ArrayList<>();
            loop.setExceptionHandler((l, c) -> reports.add(c));
            Recorder a = new Recorder();
            Protocol throwing = new Protocol() {
                @Override
                public void dataReceived(ByteBuffer data) {
                    throw new IllegalStateException("bad data");
                }
            };
            TestTransports.Pair pair = TestTransports.pair(loop, a, throwing);
            loop.runCurrent();
            pair.left().write(new byte[1]);
            loop.runCurrent();
            assertEquals(1, reports.size());
            assertEquals("Fatal error: protocol.dataReceived() call failed.", reports.get(0).message());
            assertSame(pair.right(), reports.get(0).transport());
            assertTrue(pair.right().isClosing());
            assertEquals(List.of("made", "eof"), a.events);
            pair.left().close();
            loop.runCurrent();
        }
    }

    @AioTest
    void streamsOverThePairReadWhatTheOtherEndWrites(TestLoop loop) {
        TestTransports.Streams s = TestTransports.streams();
        s.left().writer().write("GET /\n".getBytes(StandardCharsets.UTF_8));
        s.left().writer().drain();
        assertEquals("GET /\n", new String(s.right().reader().readLine(), StandardCharsets.UTF_8));
        Task<byte[]> reply = Aio.createTask(() -> s.left().reader().read(-1));
        s.right().writer().write(new byte[] {1, 2});
        s.right().writer().writeEof();
        assertArrayEquals(new byte[] {1, 2}, Aio.await(reply));
        assertTrue(s.left().reader().atEof());
        s.left().writer().close();
        s.left().writer().waitClosed();
        assertThrows(IncompleteReadException.class, () -> s.right().reader().readExactly(1));
        s.right().writer().close();
        s.right().writer().waitClosed();
        assertEquals(TestTransports.LEFT_ADDRESS, s.right().writer().transport().peerAddress());
    }

    @AioTest
    void drainWaitsForAReaderThatPausedReading(TestLoop loop) {
        TestTransports.Streams s = TestTransports.streams(loop, 1024);
        byte[] big = new byte[600 * 1024];
        Task<Void> writer = Aio.createTask(() -> {
            s.left().writer().write(big);
            s.left().writer().drain();
        });
        loop.runCurrent();
        // The first 256 KiB chunk is more than twice the reader's limit: it pauses the transport, and
        // the rest, above the high water mark, stays in the writer's buffer: drain() waits.
        assertFalse(writer.isDone());
        assertFalse(s.right().writer().transport().isReading());
        assertEquals(big.length - 256 * 1024, s.left().writer().transport().writeBufferSize());
        byte[] all = s.right().reader().readExactly(big.length);
        assertEquals(big.length, all.length);
        Aio.await(writer);
        s.left().writer().close();
        s.right().writer().close();
        s.left().writer().waitClosed();
        s.right().writer().waitClosed();
    }

    @Test
    void anEndLeftOpenFailsTheTest() {
        AioTestChecksTest.run(LeftOpen.class).testEvents().assertThatEvents().haveExactly(1, event(test("leftOpen"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("unclosed transport <TestTransport left")
                                && m.contains("unclosed transport <TestTransport right")))));
    }

    static class LeftOpen {
        @AioTest
        void leftOpen() {
            TestTransports.pair(new Recorder(), new Recorder());
            Aio.sleep(0);
        }
    }
}
