"""A per-connection rerun limit in front of each replica's websocket (issue 24, finding 5).

    python -m deploy.guard 8601:8501 8602:8502     # listen:replica, on 127.0.0.1

nginx limits connections, not the messages inside one websocket, and Streamlit runs every
rerun it is asked for: a client that asked for a rerun and a cache clear, read the reply
and asked again took a visitor's 指标总览 from 0.14 to 3.75 s (×27.7; from five addresses
×116). The guard relays each websocket to its replica frame for frame, except that

- a connection's reruns pass at ``RATE`` a second after a burst of ``BURST``; past that the
  guard stops reading from that client (TCP holds the rest back) rather than dropping a
  widget change, so a flooder slows itself and a person never notices: a click is one rerun;
- ``clear_cache`` is dropped: any visitor could otherwise empty every cache for everyone
  (the menu that offers it is hidden: toolbarMode = "minimal").

Everything else (the handshake's Host, Origin, Cookie and subprotocols, which carry
Streamlit's XSRF token; every other message) passes unchanged. deploy.serve starts one
guard for all replicas and stops it with them.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

# A person's pace: a burst of clicks, then one rerun every two seconds held up at most.
RATE = 0.5
BURST = 8
# Streamlit's own limit (server.maxMessageSize = 1 MB) still applies behind this; 2 MB here
# lets its refusal, not ours, be what a client sees.
MAX_SIZE = 2 * 2**20
PASSED_HEADERS = ("Cookie", "User-Agent", "X-Forwarded-For", "X-Real-IP")


class Bucket:
    """A token bucket: ``take`` waits until a token is there."""

    def __init__(self, rate: float = RATE, burst: int = BURST):
        self.rate, self.burst = rate, burst
        self.tokens, self.at = float(burst), time.monotonic()

    async def take(self) -> None:
        while True:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
            self.at = now
            if self.tokens >= 1:
                self.tokens -= 1
                return
            await asyncio.sleep((1 - self.tokens) / self.rate)


def kind(message: bytes | str) -> str | None:
    if isinstance(message, str):
        return None
    with contextlib.suppress(Exception):
        return BackMsg.FromString(message).WhichOneof("type")
    return None


async def client_to_replica(client, replica, bucket: Bucket) -> None:
    async for message in client:
        what = kind(message)
        if what == "clear_cache":
            continue
        if what == "rerun_script":
            await bucket.take()
        await replica.send(message)


async def replica_to_client(replica, client) -> None:
    async for message in replica:
        await client.send(message)


def relay(replica_port: int):
    async def handler(client) -> None:
        request = client.request
        host = request.headers.get("Host", f"127.0.0.1:{replica_port}")
        offered = [p.strip() for p in request.headers.get("Sec-WebSocket-Protocol", "").split(",") if p.strip()]
        headers = [(name, value) for name in PASSED_HEADERS for value in request.headers.get_all(name)]
        origin = request.headers.get("Origin")
        try:
            replica = await connect(
                f"ws://{host}{request.path}",
                host="127.0.0.1",
                port=replica_port,
                origin=origin,
                subprotocols=offered or None,
                additional_headers=headers,
                user_agent_header=None,
                compression=None,
                max_size=MAX_SIZE,
                proxy=None,
                ping_interval=None,
            )
        except Exception:
            await client.close(1011, "replica unavailable")
            return
        async with replica:
            tasks = [
                asyncio.create_task(client_to_replica(client, replica, Bucket())),
                asyncio.create_task(replica_to_client(replica, client)),
            ]
            with contextlib.suppress(ConnectionClosed):
                await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in tasks:
                task.cancel()
            await client.close()

    return handler


def first_offered(connection, subprotocols):
    # Streamlit answers with the first ("streamlit"); the rest carry its XSRF token.
    return subprotocols[0] if subprotocols else None


async def main(pairs: list[tuple[int, int]]) -> None:
    stop = asyncio.get_running_loop().create_future()
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signum, lambda: stop.done() or stop.set_result(None))
    async with contextlib.AsyncExitStack() as stack:
        for listen, replica_port in pairs:
            await stack.enter_async_context(
                serve(
                    relay(replica_port),
                    "127.0.0.1",
                    listen,
                    select_subprotocol=first_offered,
                    compression=None,
                    max_size=MAX_SIZE,
                    ping_interval=None,
                    server_header=None,
                )
            )
        print("guarding " + " ".join(f"{a}->{b}" for a, b in pairs), flush=True)
        await stop


if __name__ == "__main__":
    asyncio.run(main([tuple(int(n) for n in pair.split(":")) for pair in sys.argv[1:]]))
