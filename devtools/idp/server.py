"""Serve the provider over HTTP with the standard library: threaded, quiet, stoppable."""

from __future__ import annotations

import socketserver
import threading
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass


class _LoggingHandler(WSGIRequestHandler):
    pass


def make(app, host: str, port: int, *, quiet: bool = True) -> WSGIServer:
    handler = _QuietHandler if quiet else _LoggingHandler
    return make_server(host, port, app, server_class=_ThreadingWSGIServer, handler_class=handler)


class RunningServer:
    """A server running in a background thread; ``port`` is the real one (ask for 0 to get a free one)."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        self.httpd = make(app, host, port)
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"fake-franceconnect-{self.port}",
            daemon=True,
        )
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
