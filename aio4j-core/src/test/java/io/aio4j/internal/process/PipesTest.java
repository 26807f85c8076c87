package io.aio4j.internal.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.net.Connection;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import io.aio4j.stream.PipeStreams;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.StreamWriter;
import io.aio4j.testing.Binaries;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class PipesTest {

    /** Collects what a read pipe delivers; pauses the transport after every chunk and resumes it a bit later. */
    static final class PausingReader implements Protocol {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        final Future<Void> lost;
        final EventLoop loop;
        Transport transport;
        boolean paused;
        int pauses;

        PausingReader(EventLoop loop) {
            this.loop = loop;
            this.lost = loop.createFuture();
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (paused) {
                throw new AssertionError("dataReceived while paused");
            }
            byte[] b = new byte[data.remaining()];
            data.get(b);
            bytes.writeBytes(b);
            transport.pauseReading();
            paused = true;
            pauses++;
            loop.callLater(0.0005, () -> {
                paused = false;
                transport.resumeReading();
            });
        }

        @Override
        public boolean eofReceived() {
            events.add("eof");
            return false;
        }

        @Override
        public void connectionLost(Throwable error) {
            events.add("lost " + error);
            lost.setResult(null);
        }
    }

    @Test
    void readPipeDeliversEveryByteInOrderAndNothingWhilePaused() throws Exception {
        byte[] data = new byte[4 << 20];
        new Random(1).nextBytes(data);
        Pipe pipe = Pipe.open();
        PausingReader r = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            PausingReader p = new PausingReader(loop);
            Connection<PausingReader> c = Aio.await(loop.connectReadPipe(() -> p, pipe.source()));
            assertTrue(c.transport().isReading());
            assertEquals(pipe.source(), c.transport().extraInfo("pipe"));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Pipe.SinkChannel sink = pipe.sink()) {
                    ByteBuffer b = ByteBuffer.wrap(data);
                    while (b.hasRemaining()) {
                        sink.write(b);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Aio.await(p.lost);
            Aio.await(writer);
            assertFalse(c.transport().isReading());
            return p;
        });
        assertArrayEquals(data, r.bytes.toByteArray());
        assertEquals(List.of("eof", "lost null"), r.events);
        assertTrue(r.pauses > 1, "paused " + r.pauses + " times");
    }

    @Test
    void closingAReadPipeStopsTheBlockedPumpAndReportsLoss() throws Exception {
        Pipe pipe = Pipe.open();
        Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            PausingReader p = new PausingReader(loop);
            Connection<PausingReader> c = Aio.await(loop.connectReadPipe(() -> p, pipe.source()));
            c.transport().close();
            assertTrue(c.transport().isClosing());
            Aio.await(p.lost);
            assertEquals(List.of("lost null"), p.events);
            assertThrows(UnsupportedOperationException.class, () -> c.transport().write(new byte[1]));
            return null;
        });
        assertFalse(pipe.source().isOpen());
        pipe.sink().close();
    }

    @Test
    void writePipeWritesInOrderWithFlowControl() throws Exception {
        byte[] data = new byte[2 << 20];
        new Random(2).nextBytes(data);
        Pipe pipe = Pipe.open();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (var in = java.nio.channels.Channels.newInputStream(pipe.source())) {
                return in.readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> flow = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            List<String> events = new ArrayList<>();
            Future<Void> lost = loop.createFuture();
            Protocol p = new Protocol() {
                @Override
                public void pauseWriting() {
                    events.add("pause");
                }

                @Override
                public void resumeWriting() {
                    events.add("resume");
                }

                @Override
                public void connectionLost(Throwable error) {
                    events.add("lost " + error);
                    lost.setResult(null);
                }
            };
            Connection<Protocol> c = Aio.await(loop.connectWritePipe(() -> p, pipe.sink()));
            for (int off = 0; off < data.length; off += 256 * 1024) {
                c.transport().write(ByteBuffer.wrap(data, off, 256 * 1024));
            }
            assertEquals(data.length, c.transport().writeBufferSize());
            c.transport().close();
            Aio.await(lost);
            assertEquals(0, c.transport().writeBufferSize());
            return events;
        });
        assertArrayEquals(data, read.get());
        assertEquals(List.of("pause", "resume", "lost null"), flow);
    }

    @Test
    void streamsOverAFifo(@TempDir Path dir) throws Exception {
        Binaries.require("mkfifo");
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Aio.run(() -> {
            // Opening a FIFO blocks until both ends are open: open them off the loop.
            var readEnd = Aio.toThread(() -> CompletableFuture.supplyAsync(() -> open(fifo, StandardOpenOption.READ)));
            FileChannel writeEnd = Aio.toThread(() -> open(fifo, StandardOpenOption.WRITE));
            StreamReader reader = PipeStreams.openReadPipe(Aio.await(readEnd), 1024);
            StreamWriter writer = PipeStreams.openWritePipe(writeEnd);
            writer.write("line one\nline two\n".getBytes());
            writer.drain();
            assertEquals("line one\n", new String(reader.readLine()));
            writer.close();
            assertEquals("line two\n", new String(reader.readLine()));
            assertEquals(0, reader.read().length);
            assertTrue(reader.atEof());
            assertNull(reader.exception());
            return null;
        });
    }

    static FileChannel open(Path p, StandardOpenOption mode) {
        try {
            return FileChannel.open(p, mode);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
