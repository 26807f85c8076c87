package io.aio4j.monitor.internal;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer of the monitor: status, content type, body.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header
 * @param body        the body
 */
record Response(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";

    static Response json(int status, Json json) {
        return new Response(status, JSON, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"error": message}} with {@code status}. */
    static Response error(int status, String message) {
        return json(status, new Json().beginObject().field("error", message).field("status", status).endObject());
    }
}
