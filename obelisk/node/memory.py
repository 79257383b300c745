"""In-memory links with latency and bandwidth, and a virtual-time event loop: the simulation's transport.

The same Network logic runs over these links as over websockets. Under
`virtual_loop()` asyncio's clock jumps to the next timer whenever nothing is
ready, so a simulated second costs only the CPU time of the work done in it.
"""
from __future__ import annotations

import asyncio
import selectors


class _VirtualSelector(selectors.DefaultSelector):
    """A selector that never waits: a wait of t seconds moves the virtual clock by t instead."""

    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        if timeout is not None and timeout > 0:
            self.now += timeout
        return super().select(0)


def virtual_loop() -> asyncio.AbstractEventLoop:
    """An event loop whose time() is virtual (starts at 0), for in-process simulations."""
    selector = _VirtualSelector()
    loop = asyncio.SelectorEventLoop(selector)
    loop.time = lambda: selector.now
    return loop


class MemoryLink:
    """One end of an in-memory link; messages arrive after latency + size / bandwidth, in order."""

    def __init__(self, remote: str, inbound: bool, latency: float, bandwidth: float):
        self.remote = remote
        self.inbound = inbound
        self.latency = latency
        self.bandwidth = bandwidth
        self.other: "MemoryLink | None" = None
        self._inbox: asyncio.Queue = asyncio.Queue()
        self._last = 0.0
        self.closed = False
        self.bytes_sent = 0

    async def send(self, data: bytes) -> None:
        if self.closed or self.other is None or self.other.closed:
            raise ConnectionError("link closed")
        loop = asyncio.get_running_loop()
        # One message at a time on the wire: a message waits for the one before it.
        start = max(loop.time(), self._last)
        self._last = start + len(data) / self.bandwidth
        self.bytes_sent += len(data)
        loop.call_at(self._last + self.latency, self.other._deliver, bytes(data))

    def _deliver(self, data) -> None:
        if not self.closed:
            self._inbox.put_nowait(data)

    async def recv(self):
        if self.closed:
            return None
        return await self._inbox.get()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._inbox.put_nowait(None)
        other = self.other
        if other is not None and not other.closed:
            asyncio.get_running_loop().call_later(self.latency, other.close)


def link_pair(a_addr: str, b_addr: str, latency: float, bandwidth: float):
    """(a's end, b's end): a dialled b."""
    a = MemoryLink(b_addr, False, latency, bandwidth)
    b = MemoryLink(a_addr, True, latency, bandwidth)
    a.other, b.other = b, a
    return a, b


class MemoryHub:
    """Addresses to networks: `dialer(addr)` gives a node a dial() that opens in-memory links to the others."""

    def __init__(self, latency=lambda a, b: 0.05, bandwidth: float = 12.5e6):
        self.nodes: dict = {}
        self.latency = latency
        self.bandwidth = bandwidth

    def register(self, addr: str, network) -> None:
        self.nodes[addr] = network

    def dialer(self, own_addr: str):
        async def dial(addr: str):
            target = self.nodes.get(addr)
            if target is None:
                raise ConnectionError(f"nobody at {addr}")
            mine, theirs = link_pair(own_addr, addr, self.latency(own_addr, addr), self.bandwidth)
            target.spawn(target.add_link(theirs))
            return mine
        return dial
