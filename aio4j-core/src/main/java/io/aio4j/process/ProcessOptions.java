package io.aio4j.process;

import io.aio4j.stream.StreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a child process: where its standard streams go (all {@link Redirect#PIPE} by
 * default), its working directory and environment, and the buffer limit of its output streams.
 * A mutable builder: {@code Subprocess.options().stdout(Redirect.PIPE).stderr(Redirect.STDOUT)}.
 */
public final class ProcessOptions {
    private Redirect stdin = Redirect.PIPE;
    private Redirect stdout = Redirect.PIPE;
    private Redirect stderr = Redirect.PIPE;
    private Path cwd;
    private Map<String, String> env;
    private int limit = StreamReader.DEFAULT_LIMIT;

    ProcessOptions() {
    }

    /** Where the child's stdin comes from; not {@link Redirect#STDOUT}. */
    public ProcessOptions stdin(Redirect redirect) {
        this.stdin = checkNotStdout(redirect, "stdin");
        return this;
    }

    /** Where the child's stdout goes; not {@link Redirect#STDOUT}. */
    public ProcessOptions stdout(Redirect redirect) {
        this.stdout = checkNotStdout(redirect, "stdout");
        return this;
    }

    /** Where the child's stderr goes; {@link Redirect#STDOUT} merges it into stdout. */
    public ProcessOptions stderr(Redirect redirect) {
        this.stderr = Objects.requireNonNull(redirect, "stderr");
        return this;
    }

    /** The child's working directory (default: this JVM's). */
    public ProcessOptions cwd(Path directory) {
        this.cwd = Objects.requireNonNull(directory, "cwd");
        return this;
    }

    /** The child's whole environment, replacing this JVM's (as {@code env=} does in Python). */
    public ProcessOptions env(Map<String, String> environment) {
        this.env = Map.copyOf(environment);
        return this;
    }

    /** The buffer limit of {@link Subprocess#stdout()} and {@link Subprocess#stderr()} (default 64 KiB). */
    public ProcessOptions limit(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("limit <= 0: " + bytes);
        }
        this.limit = bytes;
        return this;
    }

    private static Redirect checkNotStdout(Redirect redirect, String stream) {
        Objects.requireNonNull(redirect, stream);
        if (redirect == Redirect.STDOUT) {
            throw new IllegalArgumentException("Redirect.STDOUT is only valid for stderr, not for " + stream);
        }
        return redirect;
    }

    /** Where stdin comes from. */
    public Redirect stdin() {
        return stdin;
    }

    /** Where stdout goes. */
    public Redirect stdout() {
        return stdout;
    }

    /** Where stderr goes. */
    public Redirect stderr() {
        return stderr;
    }

    /** The working directory, or {@code null} for this JVM's. */
    public Path cwd() {
        return cwd;
    }

    /** The environment, or {@code null} for this JVM's. */
    public Map<String, String> env() {
        return env;
    }

    /** The output streams' buffer limit. */
    public int limit() {
        return limit;
    }
}
