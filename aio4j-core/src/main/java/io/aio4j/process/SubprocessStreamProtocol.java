package io.aio4j.process;

import io.aio4j.EventLoop;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import io.aio4j.stream.PipeStreams;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.StreamWriter;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * asyncio's {@code SubprocessStreamProtocol}: turns a child's pipes into streams (stdout and
 * stderr into {@link StreamReader}s, stdin into a {@link StreamWriter}) and closes the transport
 * once the child has exited and its output pipes are closed.
 */
final class SubprocessStreamProtocol implements SubprocessProtocol {
    private final int limit;
    private final EventLoop loop;
    private final Protocol stdinFlow;
    private final Set<Integer> pipeFds = new HashSet<>();
    private SubprocessTransport transport;
    private StreamWriter stdin;
    private StreamReader stdout;
    private StreamReader stderr;
    private boolean processExited;

    SubprocessStreamProtocol(int limit, EventLoop loop) {
        this.limit = limit;
        this.loop = loop;
        this.stdinFlow = PipeStreams.writerProtocol(loop);
    }

    @Override
    public void connectionMade(SubprocessTransport t) {
        transport = t;
        stdout = reader(t, 1);
        stderr = reader(t, 2);
        Transport in = t.pipeTransport(0);
        if (in != null) {
            stdinFlow.connectionMade(in);
            stdin = PipeStreams.writer(in, stdinFlow, null, loop);
        }
    }

    private StreamReader reader(SubprocessTransport t, int fd) {
        Transport pipe = t.pipeTransport(fd);
        if (pipe == null) {
            return null;
        }
        StreamReader r = new StreamReader(limit);
        r.setTransport(pipe);
        pipeFds.add(fd);
        return r;
    }

    @Override
    public void pipeDataReceived(int fd, ByteBuffer data) {
        StreamReader r = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (r != null) {
            r.feedData(data);
        }
    }

    @Override
    public void pipeConnectionLost(int fd, Throwable errorOrNull) {
        if (fd == 0) {
            stdinFlow.connectionLost(errorOrNull);
            return;
        }
        StreamReader r = fd == 1 ? stdout : stderr;
        if (r != null) {
            if (errorOrNull == null) {
                r.feedEof();
            } else {
                r.setException(errorOrNull);
            }
        }
        pipeFds.remove(fd);
        maybeCloseTransport();
    }

    @Override
    public void processExited() {
        processExited = true;
        maybeCloseTransport();
    }

    private void maybeCloseTransport() {
        if (pipeFds.isEmpty() && processExited && transport != null) {
            transport.close();
        }
    }

    @Override
    public void pauseWriting() {
        stdinFlow.pauseWriting();
    }

    @Override
    public void resumeWriting() {
        stdinFlow.resumeWriting();
    }

    StreamWriter stdin() {
        return stdin;
    }

    StreamReader stdout() {
        return stdout;
    }

    StreamReader stderr() {
        return stderr;
    }
}
