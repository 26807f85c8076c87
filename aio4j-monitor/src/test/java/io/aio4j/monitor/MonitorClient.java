package io.aio4j.monitor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A test's HTTP client for a monitor: requests with a timeout, answers parsed by Gson. */
final class MonitorClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;

    MonitorClient(Monitor monitor) {
        URI u = monitor.uri();
        this.base = URI.create("http://" + u.getHost() + ":" + u.getPort());
        this.token = monitor.token();
    }

    String token() {
        return token;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    JsonObject getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    /** POST /api/tasks/{id}/cancel with the token and a message. */
    HttpResponse<String> cancel(long id, String message) throws Exception {
        return send("POST", "/api/tasks/" + id + "/cancel", "message=" + java.net.URLEncoder.encode(message, StandardCharsets.UTF_8),
                "X-Aio4j-Token", token, "Content-Type", "application/x-www-form-urlencoded");
    }

    static JsonObject parse(String body) {
        JsonElement e = JsonParser.parseString(body);
        return e.getAsJsonObject();
    }

    /** A request written by hand, for headers the JDK client will not set (Host); returns the status line. */
    String raw(String request) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(0, all.indexOf("\r\n"));
        }
    }
}
