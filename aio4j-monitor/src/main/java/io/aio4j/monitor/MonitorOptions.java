package io.aio4j.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Monitor} serves and what it keeps: {@code Monitor.start(new MonitorOptions().port(8950))}.
 * Defaults: {@code 127.0.0.1}, any free port, loopback only, the last 100 terminated tasks, steps
 * of 100 ms or more reported as slow, loop lag probed every 100 ms, JMX MBeans registered.
 */
public final class MonitorOptions {
    private String host = "127.0.0.1";
    private int port;
    private boolean allowRemote;
    private int keepTerminated = 100;
    private Duration slowStep = Duration.ofMillis(100);
    private Duration lagProbeInterval = Duration.ofMillis(100);
    private boolean jmx = true;

    /** The defaults; change them with the setters, which return this object. */
    public MonitorOptions() {
    }

    /** The address to bind (a name or a literal; default {@code 127.0.0.1}). */
    public MonitorOptions host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /** The port to bind; 0 (the default) picks a free port, shown by {@link Monitor#uri()}. */
    public MonitorOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Host and port as {@code -Daio4j.monitor} gives them: {@code 127.0.0.1:8950}, {@code [::1]:0},
     * {@code localhost:0}, or a bare port ({@code 8950}, on {@code 127.0.0.1}).
     */
    public MonitorOptions address(String hostPort) {
        Objects.requireNonNull(hostPort, "hostPort");
        String s = hostPort.strip();
        int colon = s.lastIndexOf(':');
        String h = colon < 0 ? "127.0.0.1" : s.substring(0, colon);
        String p = colon < 0 ? s : s.substring(colon + 1);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty()) {
            h = "127.0.0.1";
        }
        try {
            port(Integer.parseInt(p));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not HOST:PORT (e.g. 127.0.0.1:0): '" + hostPort + "'");
        }
        return host(h);
    }

    /**
     * Allows binding an address that is not loopback (off by default: the page shows stacks and
     * task names, and anyone who can reach it reads them; cancelling still needs the token).
     */
    public MonitorOptions allowRemote(boolean allow) {
        this.allowRemote = allow;
        return this;
    }

    /** How many terminated tasks the page and {@code /api/terminated} keep (default 100). */
    public MonitorOptions keepTerminated(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("keepTerminated < 0: " + n);
        }
        this.keepTerminated = n;
        return this;
    }

    /** How long an iteration's callbacks may run before the loop counts as stuck and the step as slow (default 100 ms). */
    public MonitorOptions slowStep(Duration threshold) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("slowStep <= 0: " + threshold);
        }
        this.slowStep = threshold;
        return this;
    }

    /** How often each loop's lag is probed with a timer (default 100 ms; the probe is one timer per loop). */
    public MonitorOptions lagProbeInterval(Duration interval) {
        if (interval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("lagProbeInterval < 1 ms: " + interval);
        }
        this.lagProbeInterval = interval;
        return this;
    }

    /** Whether to register an MBean {@code io.aio4j:type=Loop,id=N} per loop (default true). */
    public MonitorOptions jmx(boolean enabled) {
        this.jmx = enabled;
        return this;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    boolean allowRemote() {
        return allowRemote;
    }

    int keepTerminated() {
        return keepTerminated;
    }

    Duration slowStep() {
        return slowStep;
    }

    Duration lagProbeInterval() {
        return lagProbeInterval;
    }

    boolean jmx() {
        return jmx;
    }

    @Override
    public String toString() {
        return "MonitorOptions[host=" + host + ", port=" + port + ", allowRemote=" + allowRemote + ", keepTerminated="
                + keepTerminated + ", slowStep=" + slowStep + ", lagProbeInterval=" + lagProbeInterval + ", jmx=" + jmx + "]";
    }
}
