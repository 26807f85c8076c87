package io.aio4j.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.stream.StreamPair;
import io.aio4j.stream.Streams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** aio4j against real peers: CPython's asyncio and OpenSSL's s_server / s_client. */
@Timeout(60)
class PeerInteropTest {
    private static final String PY_CLIENT = """
            import asyncio, sys
            async def main():
                r, w = await asyncio.open_connection('127.0.0.1', int(sys.argv[1]))
                for i in range(100):
                    msg = b'line %d\\n' % i
                    w.write(msg)
                    await w.drain()
                    assert await r.readline() == msg
                w.write(b'x' * 1000000 + b'\\n')
                got = await r.readexactly(1000001)
                assert len(got) == 1000001, len(got)
                w.close()
                await w.wait_closed()
                print('OK')
            asyncio.run(main())
            """;
    private static final String PY_SERVER = """
            import asyncio
            class Echo(asyncio.Protocol):
                def connection_made(self, t): self.t = t
                def data_received(self, d): self.t.write(d)
            async def main():
                srv = await asyncio.get_running_loop().create_server(Echo, '127.0.0.1', 0)
                print(srv.sockets[0].getsockname()[1], flush=True)
                await srv.serve_forever()
            asyncio.run(main())
            """;

    private static void assumeTool(String tool) {
        boolean found = TestCerts.onPath(tool);
        if (!found) {
            System.out.println("skipped: " + tool + " is not installed");
        }
        assumeTrue(found, "skipped: " + tool + " is not installed");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String runToEnd(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void pythonAsyncioClientAgainstAio4jEchoServer() {
        assumeTool("python3");
        String out = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
            int port = SocketTransportTest.port(server);
            String result = Aio.toThread(() -> runToEnd(new ProcessBuilder("python3", "-c", PY_CLIENT,
                    String.valueOf(port)).redirectErrorStream(true).start()));
            server.close();
            return result;
        });
        assertEquals("OK", out.strip());
    }

    @Test
    void aio4jStreamsClientAgainstPythonAsyncioEchoServer() throws Exception {
        assumeTool("python3");
        Process py = new ProcessBuilder("python3", "-c", PY_SERVER).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(stdout.readLine().strip());
            Aio.run(() -> {
                StreamPair c = Streams.openConnection("127.0.0.1", port);
                for (int i = 0; i < 100; i++) {
                    byte[] line = ("line " + i + "\n").getBytes();
                    c.writer().write(line);
                    c.writer().drain();
                    assertEquals("line " + i + "\n", new String(c.reader().readLine()));
                }
                byte[] big = new byte[1_000_000];
                java.util.Arrays.fill(big, (byte) 'y');
                c.writer().write(big);
                assertEquals(big.length, c.reader().readExactly(big.length).length);
                c.writer().close();
                c.writer().waitClosed();
                return null;
            });
        } finally {
            py.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aio4jTlsClientAgainstOpensslServer() throws Exception {
        assumeTool("openssl");
        int port = freePort();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                TestCerts.cert().toString(), "-key", TestCerts.key().toString(), "-rev", "-quiet")
                .redirectErrorStream(true).start();
        try {
            String reversed = Aio.run(() -> {
                StreamPair c = null;
                for (int i = 0; c == null; i++) {
                    try {
                        c = Streams.openConnection("127.0.0.1", port, ConnectOptions.defaults().tls(TestCerts.client()));
                    } catch (io.aio4j.net.ConnectionRefusedException e) {
                        if (i > 200) {
                            throw e;
                        }
                        Aio.sleep(0.05);
                    }
                }
                c.writer().write("hello openssl\n".getBytes());
                String line = new String(c.reader().readLine()).strip();
                c.writer().close();
                return line;
            });
            assertEquals("lssnepo olleh", reversed);
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void opensslClientAgainstAio4jTlsEchoServer() {
        assumeTool("openssl");
        String echoed = Aio.run(() -> {
            EventLoop loop = Aio.getRunningLoop();
            Server server = Aio.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0,
                    ServerOptions.defaults().tls(TestCerts.server())));
            int port = SocketTransportTest.port(server);
            String line = Aio.toThread(() -> {
                List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                        "-servername", "localhost", "-CAfile", TestCerts.cert().toString(), "-verify_return_error",
                        "-quiet", "-no_ign_eof"));
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    OutputStream in = p.getOutputStream();
                    in.write("hello aio4j\n".getBytes());
                    in.flush();
                    String got = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
                    in.close();
                    return got;
                } finally {
                    p.waitFor(10, TimeUnit.SECONDS);
                    p.destroyForcibly();
                }
            });
            server.close();
            return line;
        });
        assertEquals("hello aio4j", echoed);
    }
}
