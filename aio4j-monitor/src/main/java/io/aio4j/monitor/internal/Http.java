package io.aio4j.monitor.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.aio4j.internal.log.AioLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The monitor's HTTP server: the JDK's built-in server on two daemon platform threads of its own
 * ({@code aio4j-monitor-http-N}), so the page loads while every loop is stuck. Routes requests,
 * refuses what is not allowed, and serves the page's files from the jar.
 *
 * <p>Refused: a {@code Host} that is not a loopback name when bound to loopback (403: DNS
 * rebinding); a POST without the token in {@code X-Aio4j-Token}, or from another origin (403);
 * a method a path does not take (405); an unknown path or task id (404). Every answer is JSON
 * except the page, its files and {@code /metrics}.
 */
final class Http implements HttpHandler {
    /** The header carrying the token on mutating requests. */
    static final String TOKEN_HEADER = "X-Aio4j-Token";
    private static final System.Logger LOG = AioLogger.LOG;
    private static final int MAX_BODY = 64 * 1024;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/monitor.js", "monitor.js", "/monitor.css", "monitor.css");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Api api;
    private final byte[] token;
    private final boolean loopbackOnly;
    private final Map<String, byte[]> files = new HashMap<>();

    private Http(HttpServer server, ExecutorService threads, Api api, String token, boolean loopbackOnly) {
        this.server = server;
        this.threads = threads;
        this.api = api;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.loopbackOnly = loopbackOnly;
        for (String name : FILES.values()) {
            files.computeIfAbsent(name, Http::resource);
        }
    }

    /** Binds {@code address} and serves; {@code loopbackOnly} turns the Host check on. */
    static Http start(InetSocketAddress address, Api api, String token, boolean loopbackOnly) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2,
                r -> Thread.ofPlatform().daemon().name("aio4j-monitor-http-" + n.incrementAndGet()).unstarted(r));
        Http http = new Http(server, threads, api, token, loopbackOnly);
        server.createContext("/", http);
        server.setExecutor(threads);
        // The server's dispatcher thread inherits the daemon flag of the thread that starts it: start it
        // from a daemon thread, so a monitor never keeps the JVM alive after the application's end.
        Thread starter = Thread.ofPlatform().daemon().name("aio4j-monitor-start").start(server::start);
        try {
            starter.join();
        } catch (InterruptedException e) {
            server.stop(0);
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the monitor's HTTP server", e);
        }
        return http;
    }

    /** The bound address (the real port when 0 was asked for). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Response r;
            try {
                r = route(ex);
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "aio4j monitor: " + ex.getRequestMethod() + " "
                        + ex.getRequestURI().getRawPath() + " failed", e);
                r = Response.error(500, "internal error: " + e.getClass().getName());
            }
            send(ex, r);
        }
    }

    private Response route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        if (loopbackOnly && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
            return Response.error(403, "refused: the Host header is not a loopback name (127.0.0.1, localhost, [::1])");
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        String file = FILES.get(path);
        if (file != null) {
            return get(ex, method) ? new Response(200, contentType(file), files.get(file)) : notAllowed(ex, "GET, HEAD");
        }
        switch (path) {
            case "/api/loops" -> {
                return get(ex, method) ? api.loops() : notAllowed(ex, "GET, HEAD");
            }
            case "/api/tasks" -> {
                return get(ex, method) ? api.tasks(query.get("loop"), query.get("q")) : notAllowed(ex, "GET, HEAD");
            }
            case "/api/terminated" -> {
                return get(ex, method) ? api.terminated(query.get("limit")) : notAllowed(ex, "GET, HEAD");
            }
            case "/metrics" -> {
                if (!get(ex, method)) {
                    return notAllowed(ex, "GET, HEAD");
                }
                String text = Metrics.text(api.snapshots(), api.terminatedCounts());
                return new Response(200, Metrics.CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                // handled below
            }
        }
        if (path.startsWith("/api/tasks/")) {
            String rest = path.substring("/api/tasks/".length());
            if (rest.endsWith("/cancel")) {
                String id = rest.substring(0, rest.length() - "/cancel".length());
                if (!method.equals("POST")) {
                    return notAllowed(ex, "POST");
                }
                Response refused = checkMutation(ex);
                if (refused != null) {
                    return refused;
                }
                Map<String, String> form;
                try {
                    form = query(body(ex));
                } catch (IllegalArgumentException tooLarge) {
                    return Response.error(413, tooLarge.getMessage());
                }
                String who = "aio4j-monitor (HTTP from " + ex.getRemoteAddress().getAddress().getHostAddress() + ")";
                return api.cancel(decodeId(id), form.get("message"), who);
            }
            if (!rest.contains("/")) {
                return get(ex, method) ? api.task(decodeId(rest)) : notAllowed(ex, "GET, HEAD");
            }
        }
        return Response.error(404, "no such page or API: " + path);
    }

    /** Whether the method reads (GET or HEAD). */
    private static boolean get(HttpExchange ex, String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private static Response notAllowed(HttpExchange ex, String allow) {
        ex.getResponseHeaders().set("Allow", allow);
        return Response.error(405, "method " + ex.getRequestMethod() + " not allowed here (allowed: " + allow + ")");
    }

    /** The token and same-origin checks of a mutating request; null if it may go on. */
    private Response checkMutation(HttpExchange ex) {
        Headers h = ex.getRequestHeaders();
        String origin = h.getFirst("Origin");
        String host = h.getFirst("Host");
        if (origin != null && !origin.equals("null") && !origin.equalsIgnoreCase("http://" + host)) {
            return Response.error(403, "refused: cross-origin request from " + origin);
        }
        String site = h.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return Response.error(403, "refused: cross-site request (Sec-Fetch-Site: " + site + ")");
        }
        String given = h.getFirst(TOKEN_HEADER);
        if (given == null) {
            return Response.error(403, "refused: the " + TOKEN_HEADER + " header is missing (the token is in the URL"
                    + " the monitor logged at start)");
        }
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            return Response.error(403, "refused: wrong token");
        }
        return null;
    }

    private static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.startsWith("[") ? h.indexOf("]:") + 1 : h.lastIndexOf(':');
        String name = colon > 0 ? h.substring(0, colon) : h;
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }

    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new IllegalArgumentException("request body over " + MAX_BODY + " bytes");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static String decodeId(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** {@code a=1&b=x%20y} as a map (the last of a repeated name wins); also form bodies. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                out.put(k, v);
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", CSP);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        if (r.body().length > 0) {
            ex.getResponseBody().write(r.body());
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return "text/css; charset=utf-8";
    }

    private static byte[] resource(String name) {
        try (InputStream in = Http.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the monitor's page file " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
