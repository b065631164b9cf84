"""How many clients, and for how long: the listening socket and its connection threads.

* A listen backlog of 128 (the standard library's 5 reset connections when 20
  clients connected at once).
* At most ``max_connections`` connection threads; further clients wait in the
  backlog until one ends, rather than each getting a thread.
* A connection may spend at most ``request_deadline`` seconds waiting for and
  reading one request (line, headers and body), whether it is idle between
  keep-alive requests or trickles its request a byte at a time; past that the
  server closes it. While every thread is taken and clients are waiting, that
  allowance drops to ``PRESSED_DEADLINE`` (a real client sends its request
  within milliseconds of connecting), so connections that send nothing cannot
  keep the others out for long. Each socket read or write also gives up after
  ``IO_TIMEOUT`` seconds.
* A client that hangs up (reset, broken pipe, timeout) is one line in the log,
  never a traceback.
"""
from __future__ import annotations

import socket
import sys
import threading
import time
from http.server import ThreadingHTTPServer

BACKLOG = 128
MAX_CONNECTIONS = 256
REQUEST_DEADLINE = 20.0     # seconds to receive one whole request
PRESSED_DEADLINE = 2.0      # ... while clients are waiting for a thread
IO_TIMEOUT = 60.0           # seconds one socket read or write may block
HANG_UPS = (ConnectionError, TimeoutError, socket.timeout)


class Watch:
    """Connections that are waiting for or reading a request, and since when; closes the late ones."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.pressed = threading.Event()        # set while a client waits for a free thread
        self._reading: dict[socket.socket, float] = {}
        self._cut: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="graphkit-connection-watch", daemon=True)
        self._thread.start()

    def reading(self, sock: socket.socket) -> None:
        with self._lock:
            self._reading[sock] = time.monotonic()

    def done(self, sock: socket.socket) -> None:
        with self._lock:
            self._reading.pop(sock, None)

    def was_cut(self, sock: socket.socket) -> bool:
        with self._lock:
            return sock in self._cut

    def forget(self, sock: socket.socket) -> None:
        with self._lock:
            self._reading.pop(sock, None)
            self._cut.discard(sock)

    def allowance(self) -> float:
        return min(self.deadline, PRESSED_DEADLINE) if self.pressed.is_set() else self.deadline

    def _run(self) -> None:
        while not self._stop.wait(min(0.25, self.deadline / 4)):
            now, limit = time.monotonic(), self.allowance()
            with self._lock:
                late = [s for s, since in self._reading.items() if now - since > limit]
                for sock in late:
                    del self._reading[sock]
                    self._cut.add(sock)
            for sock in late:
                try:
                    sock.shutdown(socket.SHUT_RDWR)     # the handler's read ends at once; it then closes
                except OSError:
                    pass

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = BACKLOG
    quiet = False

    def __init__(self, address, handler, *, max_connections: int = MAX_CONNECTIONS,
                 request_deadline: float = REQUEST_DEADLINE):
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(max_connections)
        self.watch = Watch(request_deadline)
        self._closing = threading.Event()

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):      # every thread busy: this client and the backlog wait
            self.watch.pressed.set()
            while not self.slots.acquire(timeout=0.25):
                if self._closing.is_set():
                    self.shutdown_request(request)
                    return
            self.watch.pressed.clear()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.watch.forget(request)
            self.slots.release()

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, HANG_UPS):
            self.log(f"{client_address[0]}:{client_address[1]} hung up ({type(error).__name__})")
        else:
            super().handle_error(request, client_address)

    def log(self, message: str) -> None:
        if not self.quiet:
            print(f"graphkit: {message}", file=sys.stderr, flush=True)

    def shutdown(self) -> None:
        self._closing.set()
        super().shutdown()

    def server_close(self) -> None:
        self._closing.set()
        self.watch.stop()
        super().server_close()
