package io.aio4j.process;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.ReturnWhen;
import io.aio4j.Task;
import io.aio4j.internal.log.AioLogger;
import io.aio4j.internal.process.RealSubprocessTransport;
import io.aio4j.internal.time.Durations;
import io.aio4j.net.BrokenPipeException;
import io.aio4j.net.ConnectionResetException;
import io.aio4j.stream.StreamReader;
import io.aio4j.stream.StreamWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A child process driven from a task: asyncio's {@code asyncio.subprocess.Process}
 * ({@code java.lang.Process} has the name). Its pipes are streams ({@link #stdin()},
 * {@link #stdout()}, {@link #stderr()}); the methods that wait ({@link #waitFor()},
 * {@link #communicate}) suspend the calling task, never the loop.
 *
 * <pre>{@code
 * Subprocess p = Subprocess.exec("ls", "-l");
 * Output out = p.communicate(null);   // reads both pipes to EOF, then waits
 * }</pre>
 *
 * <p>Don't {@code waitFor()} while the child writes more than the pipes hold and nobody reads
 * them: the child blocks on the full pipe and never exits. {@link #communicate} reads and
 * writes all pipes at once and cannot deadlock that way.
 *
 * <p>It is {@link AutoCloseable}: {@link #close()} is the transport's {@code close()} of asyncio
 * (the pipes are closed and a child still running is killed), so
 * {@code try (Subprocess p = Subprocess.exec(…)) { … }} never leaves a child behind.
 */
public final class Subprocess implements AutoCloseable {
    private static final System.Logger LOG = AioLogger.LOG;

    private final EventLoop loop;
    private final SubprocessTransport transport;
    private final SubprocessStreamProtocol protocol;

    private Subprocess(EventLoop loop, SubprocessTransport transport, SubprocessStreamProtocol protocol) {
        this.loop = loop;
        this.transport = transport;
        this.protocol = protocol;
    }

    /** A new set of options (all three streams {@link Redirect#PIPE}). */
    public static ProcessOptions options() {
        return new ProcessOptions();
    }

    /** Starts program {@code argv[0]} with arguments {@code argv[1..]}, all three streams piped; call from a task. */
    public static Subprocess exec(String... argv) {
        return exec(options(), argv);
    }

    /**
     * Starts program {@code argv[0]} with arguments {@code argv[1..]}; call from a task.
     *
     * @throws io.aio4j.net.NoSuchFileOrDirectoryException when there is no such program
     */
    public static Subprocess exec(ProcessOptions options, String... argv) {
        Objects.requireNonNull(options, "options");
        EventLoop loop = Aio.getRunningLoop();
        SubprocessStreamProtocol protocol = new SubprocessStreamProtocol(options.limit(), loop);
        SubprocessTransport t = Aio.await(loop.subprocessExec(() -> protocol, options, argv));
        return new Subprocess(loop, t, protocol);
    }

    /** Runs {@code command} with {@code /bin/sh -c}, all three streams piped; call from a task. */
    public static Subprocess shell(String command) {
        return shell(options(), command);
    }

    /** Runs {@code command} with {@code /bin/sh -c}; call from a task. */
    public static Subprocess shell(ProcessOptions options, String command) {
        Objects.requireNonNull(options, "options");
        EventLoop loop = Aio.getRunningLoop();
        SubprocessStreamProtocol protocol = new SubprocessStreamProtocol(options.limit(), loop);
        SubprocessTransport t = Aio.await(loop.subprocessShell(() -> protocol, options, command));
        return new Subprocess(loop, t, protocol);
    }

    /** The child's process id. */
    public long pid() {
        return transport.pid();
    }

    /** The child's stdin, or {@code null} unless it is a {@link Redirect#PIPE}. */
    public StreamWriter stdin() {
        return protocol.stdin();
    }

    /** The child's stdout, or {@code null} unless it is a {@link Redirect#PIPE}. */
    public StreamReader stdout() {
        return protocol.stdout();
    }

    /** The child's stderr, or {@code null} unless it is a {@link Redirect#PIPE}. */
    public StreamReader stderr() {
        return protocol.stderr();
    }

    /** The return code once the child has exited ({@code -N} after signal {@code N}, see {@link #waitFor()}), else {@code null}. */
    public Integer returncode() {
        return transport.returncode();
    }

    /**
     * Suspends the task until the child has exited and its pipes are closed, and returns its
     * return code: the exit code, or {@code -N} when it died from signal {@code N} sent through
     * this object ({@link #kill}, {@link #terminate}, {@link #sendSignal}, or closing it). The JDK
     * reports death by signal as {@code 128 + N}, which an ordinary {@code exit(128 + N)} also
     * gives; aio4j only reads it as {@code -N} when it sent that signal, so a child killed from
     * outside returns {@code 128 + N}.
     *
     * <p>As in asyncio (3.12 on), the wait includes the pipes: a grandchild that inherited the
     * child's stdout keeps this waiting until it too closes it. {@link #returncode()} is set as
     * soon as the child itself exits.
     */
    public int waitFor() {
        return Aio.await(((RealSubprocessTransport) transport).exitFuture());
    }

    /**
     * {@link #waitFor()} for at most {@code timeout} of loop time: whether the child exited (and
     * its pipes closed) in time, as {@link java.lang.Process#waitFor(long, java.util.concurrent.TimeUnit)}
     * answers. On {@code false} the child is left running: {@link #kill()} or {@link #close()} it.
     */
    public boolean waitFor(Duration timeout) {
        double seconds = Durations.toSeconds(timeout, "timeout");
        Future<Integer> exit = ((RealSubprocessTransport) transport).exitFuture();
        return Aio.wait(List.of(exit), seconds, ReturnWhen.ALL_COMPLETED).pending().isEmpty();
    }

    /**
     * Closes the transport: closes the pipes and, if the child still runs, kills it (asyncio's
     * {@code transport.close()}; debug mode logs {@code Close running child process: kill …}).
     * A child that has exited is not signalled. Closing twice does nothing more. It does not wait:
     * follow with {@link #waitFor()} to reap the child. The {@link #stdin()} writer is closed with
     * its pipe, so it owes no {@code unclosed <StreamWriter …>} warning.
     */
    @Override
    public void close() {
        transport.close();
        if (stdin() != null) {
            // Its pipe is closing already; this tells the writer now, not once the pipe's close is done.
            stdin().close();
        }
    }

    /**
     * Writes {@code input} (if not null) to stdin and closes it, while reading stdout and stderr
     * to EOF, then waits for the child to exit. A child that stops reading its stdin early is not
     * an error (a broken pipe is ignored, as in asyncio).
     */
    public Output communicate(byte[] input) {
        Task<Void> feeding = stdin() == null ? null : loop.createTask(() -> {
            feedStdin(input);
            return null;
        });
        Task<byte[]> out = stdout() == null ? null : loop.createTask(() -> readStream(1));
        Task<byte[]> err = stderr() == null ? null : loop.createTask(() -> readStream(2));
        try {
            if (feeding != null) {
                Aio.await(feeding);
            }
            byte[] stdoutBytes = out == null ? null : Aio.await(out);
            byte[] stderrBytes = err == null ? null : Aio.await(err);
            waitFor();
            return new Output(stdoutBytes, stderrBytes);
        } finally {
            for (Task<?> t : new Task<?>[] {feeding, out, err}) {
                if (t != null && !t.isDone()) {
                    t.cancel();
                }
            }
        }
    }

    private void feedStdin(byte[] input) {
        boolean debug = loop.isDebug();
        StreamWriter w = stdin();
        try {
            if (input != null) {
                w.write(input);
                if (debug) {
                    LOG.log(System.Logger.Level.DEBUG, this + " communicate: feed stdin (" + input.length + " bytes)");
                }
            }
            w.drain();
        } catch (BrokenPipeException | ConnectionResetException e) {
            if (debug) {
                LOG.log(System.Logger.Level.DEBUG, this + " communicate: stdin got " + e);
            }
        }
        if (debug) {
            LOG.log(System.Logger.Level.DEBUG, this + " communicate: close stdin");
        }
        w.close();
    }

    private byte[] readStream(int fd) {
        String name = fd == 1 ? "stdout" : "stderr";
        StreamReader stream = fd == 1 ? stdout() : stderr();
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + " communicate: read " + name);
        }
        byte[] output = stream.read();
        if (loop.isDebug()) {
            LOG.log(System.Logger.Level.DEBUG, this + " communicate: close " + name);
        }
        transport.pipeTransport(fd).close();
        return output;
    }

    /** Sends signal {@code signal} to the child; nothing happens once it has exited. */
    public void sendSignal(int signal) {
        transport.sendSignal(signal);
    }

    /** Sends SIGTERM. */
    public void terminate() {
        transport.terminate();
    }

    /** Sends SIGKILL. */
    public void kill() {
        transport.kill();
    }

    @Override
    public String toString() {
        return "<Process " + transport.pid() + ">";
    }
}
