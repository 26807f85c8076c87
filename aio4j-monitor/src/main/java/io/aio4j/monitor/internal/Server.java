package io.aio4j.monitor.internal;

import io.aio4j.internal.stats.TaskHistory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A running monitor's parts: the terminated-task recording, the sampler thread and the HTTP
 * server, started together and stopped together. {@code Monitor} is its public face.
 */
public final class Server {
    private final TaskHistory history;
    private final Sampler sampler;
    private final Http http;
    private final URI uri;

    private Server(TaskHistory history, Sampler sampler, Http http, URI uri) {
        this.history = history;
        this.sampler = sampler;
        this.http = http;
        this.uri = uri;
    }

    /** Starts recording, sampling and serving at {@code address}; cancel requests need {@code token}. */
    public static Server start(InetSocketAddress address, boolean loopbackOnly, String token, Settings settings)
            throws IOException {
        TaskHistory history = TaskHistory.open(settings.keepTerminated());
        Sampler sampler = new Sampler(settings, history, settings.jmx() ? new Jmx() : null);
        Http http;
        try {
            http = Http.start(address, new Api(sampler, history, settings), token, loopbackOnly);
        } catch (IOException | RuntimeException e) {
            TaskHistory.close(history);
            throw e;
        }
        sampler.start();
        InetSocketAddress bound = http.address();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        URI uri = URI.create("http://" + host + ":" + bound.getPort() + "/?token=" + token);
        return new Server(history, sampler, http, uri);
    }

    /** The page's URL, with the token. */
    public URI uri() {
        return uri;
    }

    /** Stops serving and sampling, unregisters the MBeans, stops recording. */
    public void stop() {
        http.stop();
        sampler.stop();
        TaskHistory.close(history);
    }
}
