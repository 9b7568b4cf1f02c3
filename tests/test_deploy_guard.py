"""Fair sharing (issue 24, finding 5): deploy.guard limits each websocket's reruns and drops
cache clears, in front of every replica.

A client that asked for a rerun and a cache clear, read its reply and asked again, took a
visitor's 指标总览 from 0.14 to 3.75 s (×27.7; from five addresses ×116). bench/flood.py
measures the visitor beside the quiet figure with one and five flooding addresses
(docs/deployment.md gives the figures); these tests check the mechanism without timing it.
"""

import asyncio

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from deploy import guard, nginx


def message(kind: str) -> bytes:
    back = BackMsg()
    if kind == "rerun":
        back.rerun_script.page_name = "indicators"
    elif kind == "clear":
        back.clear_cache = True
    else:
        back.app_heartbeat = True
    return back.SerializeToString()


class Client:
    def __init__(self, messages):
        self.messages = messages

    def __aiter__(self):
        return self._each()

    async def _each(self):
        for item in self.messages:
            yield item


class Replica:
    def __init__(self):
        self.sent = []

    async def send(self, item):
        self.sent.append(item)


class CountingBucket:
    def __init__(self):
        self.taken = 0

    async def take(self):
        self.taken += 1


def test_reruns_wait_for_the_bucket_cache_clears_are_dropped_the_rest_passes():
    replica, bucket = Replica(), CountingBucket()
    sent = [message("rerun"), message("clear"), message("heartbeat"), message("rerun"), "a text frame"]
    asyncio.run(guard.client_to_replica(Client(sent), replica, bucket))
    assert replica.sent == [sent[0], sent[2], sent[3], sent[4]] and bucket.taken == 2


def test_the_bucket_lets_a_burst_through_then_one_rerun_per_two_seconds(monkeypatch):
    now = [100.0]
    slept = []

    async def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(guard.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(guard.asyncio, "sleep", sleep)
    bucket = guard.Bucket()

    async def take(count):
        for _ in range(count):
            await bucket.take()

    asyncio.run(take(guard.BURST))
    assert slept == []  # a person's burst of clicks is never held up
    asyncio.run(take(3))
    assert sum(slept) == pytest.approx(3 / guard.RATE)


def test_nginx_sends_the_websocket_through_the_guards_and_the_page_to_the_same_replica():
    from pathlib import Path

    config = nginx.render([8501, 8502], "127.0.0.1:8080", "_", Path("/tmp/x"), guards=[8601, 8602])
    streams = config.split("upstream streams {", 1)[1].split("}", 1)[0]
    pages = config.split("upstream streamlit {", 1)[1].split("}", 1)[0]
    # Plain hash: the same key picks the same position in both lists (consistent hashing would not).
    assert "hash $balance_key;" in streams and "hash $balance_key;" in pages
    assert [line.split(":")[1].split()[0] for line in streams.splitlines() if "server" in line] == ["8601", "8602"]
    stream_location = config.split("location = /_stcore/stream {", 1)[1].split("}", 1)[0]
    assert "proxy_pass http://streams;" in stream_location
