"""asyncio echo servers of the benchmark: python3 asyncio_echo.py protocol|streams|uvloop-protocol|uvloop-streams PORT.

The uvloop- modes run the same servers on uvloop's loop (Debian's python3-uvloop: /usr/bin/python3)."""
import asyncio
import sys


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def echo_streams(reader, writer):
    while True:
        data = await reader.read(256 * 1024)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


async def main(mode, port):
    loop = asyncio.get_running_loop()
    if mode.endswith("protocol"):
        server = await loop.create_server(Echo, "127.0.0.1", port)
    else:
        server = await asyncio.start_server(echo_streams, "127.0.0.1", port)
    print(f"asyncio {mode} echo server on 127.0.0.1:{port}", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    if sys.argv[1].startswith("uvloop-"):
        import uvloop
        uvloop.install()
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
