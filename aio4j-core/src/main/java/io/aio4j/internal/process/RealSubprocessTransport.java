package io.aio4j.internal.process;

import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.internal.debug.OwedReports;
import io.aio4j.internal.debug.ResourceWarnings;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.loop.Debug;
import io.aio4j.internal.loop.FutureAccess;
import io.aio4j.internal.loop.Handoff;
import io.aio4j.internal.net.ProtocolCalls;
import io.aio4j.net.Protocol;
import io.aio4j.net.Transport;
import io.aio4j.process.ProcessOptions;
import io.aio4j.process.Redirect;
import io.aio4j.process.Signals;
import io.aio4j.process.SubprocessProtocol;
import io.aio4j.process.SubprocessTransport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * asyncio's {@code BaseSubprocessTransport}: a child started with {@link ProcessBuilder}, its
 * pipes as pipe transports, and its exit watched by the JDK's {@link Process#onExit()}.
 */
public final class RealSubprocessTransport implements SubprocessTransport {
    /*
     * Overview: everything here runs on the loop's thread. The JDK completes onExit() on its own
     * threads; that is posted to the loop with callSoonThreadsafe. As in asyncio, the protocol
     * hears connectionMade first, then pipe data and processExited in whatever order they come,
     * and connectionLost once the child has exited AND every pipe is closed; waitFor() waiters
     * are woken then, so a waiter sees all the output.
     */
    private static final System.Logger LOG = AioLogger.LOG;

    private final EventLoop loop;
    private final Process process;
    private final SubprocessProtocol protocol;
    private final Transport[] pipes = new Transport[3];
    private final boolean[] pipeOpen = new boolean[3];
    private final ExitStatus exitStatus = new ExitStatus();
    private final List<Future<Integer>> exitWaiters = new ArrayList<>();
    private Integer returncode;
    private boolean closed;
    private boolean finished;
    /**
     * Debug mode: the "unclosed transport" warning, owed until the transport is closed or finished
     * (the child exited and every pipe is closed: nothing is held any more).
     */
    private final ResourceWarnings.Tracker unclosed;

    private RealSubprocessTransport(EventLoop loop, Process process, SubprocessProtocol protocol,
            ProcessOptions options) {
        this.loop = loop;
        this.process = process;
        this.protocol = protocol;
        if (options.stdin() == Redirect.PIPE) {
            pipes[0] = new WritePipeTransport(loop, process.getOutputStream(), "<stdin of pid " + process.pid() + ">",
                    new PipeProto(0), null);
            pipeOpen[0] = true;
        }
        if (options.stdout() == Redirect.PIPE) {
            pipes[1] = new ReadPipeTransport(loop, process.getInputStream(), "<stdout of pid " + process.pid() + ">",
                    new PipeProto(1));
            pipeOpen[1] = true;
        }
        if (options.stderr() == Redirect.PIPE) {
            pipes[2] = new ReadPipeTransport(loop, process.getErrorStream(), "<stderr of pid " + process.pid() + ">",
                    new PipeProto(2));
            pipeOpen[2] = true;
        }
        this.unclosed = loop.isDebug() ? ResourceWarnings.register(this, "unclosed transport " + this,
                Debug.captureSource(), OwedReports.of(loop)) : null;
    }

    /**
     * Starts {@code argv} and connects {@code factory}'s protocol; the future completes once the
     * protocol's {@code connectionMade} has run. {@code what} begins the debug line
     * ({@code "execute program 'ls'"}), {@code program} names the child in it.
     */
    public static Future<SubprocessTransport> start(EventLoop loop, Supplier<? extends SubprocessProtocol> factory,
            ProcessOptions options, List<String> argv, String what, String program) {
        // A child started for a task cancelled before it could take it is closed (killed), as
        // asyncio's _make_subprocess_transport closes it when its wait is interrupted.
        Future<SubprocessTransport> result = FutureAccess.deliverOrRelease(loop.createFuture(),
                SubprocessTransport::close);
        boolean debug = loop.isDebug();
        String debugLog = Launch.describe(what, options);
        if (debug) {
            LOG.log(System.Logger.Level.DEBUG, debugLog);
        }
        SubprocessProtocol protocol = factory.get();
        Process process;
        try {
            process = Launch.start(argv, program, options, debug);
        } catch (RuntimeException e) {
            result.setException(e);
            return result;
        }
        RealSubprocessTransport t = new RealSubprocessTransport(loop, process, protocol, options);
        loop.callSoon(() -> {
            ProtocolCalls.callSafely(loop, "Exception in callback protocol.connectionMade()", t, protocol,
                    () -> protocol.connectionMade(t));
            t.startWatching();
            if (debug) {
                LOG.log(System.Logger.Level.INFO, debugLog + ": " + t);
            }
            if (!result.trySetResult(t)) {
                t.close();
            }
        });
        return result;
    }

    private void startWatching() {
        for (Transport pipe : pipes) {
            if (pipe instanceof ReadPipeTransport r) {
                r.start();
            } else if (pipe instanceof WritePipeTransport w) {
                w.start();
            }
        }
        process.onExit().whenComplete((p, error) -> {
            Handoff.callSoonThreadsafe(loop, this::processExited);
        });
    }

    private void processExited() {
        returncode = exitStatus.returncode(process.exitValue());
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.INFO, this + " exited with return code " + returncode);
        }
        ProtocolCalls.callSafely(loop, "Exception in callback protocol.processExited()", this, protocol,
                protocol::processExited);
        if (pipes[0] instanceof WritePipeTransport stdin) {
            stdin.readerGone();
        }
        tryFinish();
    }

    private void tryFinish() {
        if (returncode == null || finished) {
            return;
        }
        for (boolean open : pipeOpen) {
            if (open) {
                return;
            }
        }
        finished = true;
        releaseTracker();
        loop.callSoon(this::callConnectionLost);
    }

    private void releaseTracker() {
        if (unclosed != null) {
            unclosed.close();
        }
    }

    private void callConnectionLost() {
        ProtocolCalls.callSafely(loop, "Exception in callback protocol.connectionLost()", this, protocol,
                () -> protocol.connectionLost(null));
        for (Future<Integer> w : exitWaiters) {
            w.trySetResult(returncode);
        }
        exitWaiters.clear();
    }

    /** A future of the return code: done at once if the child has exited, else when the transport is finished. */
    public Future<Integer> exitFuture() {
        Future<Integer> f = loop.createFuture();
        if (returncode != null) {
            f.setResult(returncode);
        } else {
            exitWaiters.add(f);
        }
        return f;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Integer returncode() {
        return returncode;
    }

    @Override
    public Transport pipeTransport(int fd) {
        return fd >= 0 && fd < 3 ? pipes[fd] : null;
    }

    @Override
    public SubprocessProtocol protocol() {
        return protocol;
    }

    @Override
    public void sendSignal(int signal) {
        Signals.check(signal);
        if (finished) {
            throw new IllegalStateException("No such process: " + this + " is finished");
        }
        if (returncode != null || !process.isAlive()) {
            return;
        }
        exitStatus.sent(signal);
        switch (signal) {
            case Signals.SIGTERM -> process.destroy();
            case Signals.SIGKILL -> process.destroyForcibly();
            default -> SignalSender.send(process.pid(), signal);
        }
    }

    @Override
    public void terminate() {
        sendSignal(Signals.SIGTERM);
    }

    @Override
    public void kill() {
        sendSignal(Signals.SIGKILL);
    }

    @Override
    public boolean isClosing() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseTracker();
        for (Transport pipe : pipes) {
            if (pipe != null) {
                pipe.close();
            }
        }
        if (returncode == null && process.isAlive()) {
            if (loop.isDebug()) {
                LOG.log(System.Logger.Level.WARNING, "Close running child process: kill " + this);
            }
            exitStatus.sent(Signals.SIGKILL);
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<SubprocessTransport");
        if (closed) {
            sb.append(" closed");
        }
        sb.append(" pid=").append(process.pid());
        sb.append(returncode != null ? " returncode=" + returncode : " running");
        String[] names = {"stdin", "stdout", "stderr"};
        for (int fd = 0; fd < 3; fd++) {
            if (pipes[fd] != null) {
                sb.append(' ').append(names[fd]).append('=').append(pipeOpen[fd] ? "<pipe>" : "<closed>");
            }
        }
        return sb.append('>').toString();
    }

    /** asyncio's {@code ReadSubprocessPipeProto}/{@code WriteSubprocessPipeProto}: one pipe's events, tagged with its fd. */
    private final class PipeProto implements Protocol {
        private final int fd;

        PipeProto(int fd) {
            this.fd = fd;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            protocol.pipeDataReceived(fd, data);
        }

        @Override
        public void connectionLost(Throwable errorOrNull) {
            pipeOpen[fd] = false;
            ProtocolCalls.callSafely(loop, "Exception in callback protocol.pipeConnectionLost()",
                    RealSubprocessTransport.this, protocol, () -> protocol.pipeConnectionLost(fd, errorOrNull));
            tryFinish();
        }

        @Override
        public void pauseWriting() {
            protocol.pauseWriting();
        }

        @Override
        public void resumeWriting() {
            protocol.resumeWriting();
        }

        @Override
        public String toString() {
            return "<PipeProto fd=" + fd + " of " + protocol + ">";
        }
    }
}
