"""The real transport: one websocket per peer link on the peer port (aiohttp), binary frames, one message each."""
from __future__ import annotations

import asyncio

import aiohttp
from aiohttp import web

from . import protocol as P

PATH = "/p2p"
DIAL_TIMEOUT = 5.0
# A frame may exceed every message type's bound a little, so an oversized
# message is read and scored by the protocol, not cut off as a broken link.
MAX_FRAME = P.MAX_MESSAGE + 1024


class WsLink:
    def __init__(self, ws, remote: str, inbound: bool, session=None):
        self.ws = ws
        self.remote = remote
        self.inbound = inbound
        self.session = session
        self.closed = False

    async def send(self, data: bytes) -> None:
        if self.closed:
            raise ConnectionError("link closed")
        await self.ws.send_bytes(data)

    async def recv(self):
        if self.closed:
            return None
        msg = await self.ws.receive()
        if msg.type == aiohttp.WSMsgType.BINARY:
            return msg.data
        if msg.type == aiohttp.WSMsgType.TEXT:
            return msg.data.encode("utf-8", "replace")  # not ours: the protocol scores it as malformed
        self.close()
        return None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        asyncio.get_running_loop().create_task(self._close())

    async def _close(self) -> None:
        try:
            await asyncio.wait_for(self.ws.close(), 1.0)
        except (asyncio.TimeoutError, ConnectionError, RuntimeError, OSError):
            pass
        if self.session is not None:
            await self.session.close()


def _hostport(host, port) -> str:
    return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"


def peer_app(network_ref) -> web.Application:
    """The peer port's application: GET /p2p upgrades to a peer link; everything else is 404."""
    async def handle(request: web.Request):
        ws = web.WebSocketResponse(max_msg_size=MAX_FRAME, heartbeat=30.0)
        await ws.prepare(request)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        remote = _hostport(peer[0], peer[1]) if peer else "unknown:0"
        await network_ref().add_link(WsLink(ws, remote, True))
        return ws

    app = web.Application(client_max_size=1024)
    app.router.add_get(PATH, handle)
    return app


async def dial(addr: str):
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None, connect=DIAL_TIMEOUT))
    try:
        ws = await session.ws_connect(f"http://{addr}{PATH}", max_msg_size=MAX_FRAME, heartbeat=30.0,
                                      timeout=aiohttp.ClientWSTimeout(ws_close=1.0))
    except BaseException:
        await session.close()
        raise
    return WsLink(ws, addr, False, session)
