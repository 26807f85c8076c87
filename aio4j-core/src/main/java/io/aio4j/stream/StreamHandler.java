package io.aio4j.stream;

/**
 * What a stream server runs for each connection ({@code client_connected_cb}), in a task of its
 * own on the server's loop. An exception it throws goes to the loop's exception handler and
 * closes the connection.
 */
@FunctionalInterface
public interface StreamHandler {
    /** Serves one connection. */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}
