"""The conformance ITs' workload: a threaded HTTP/1.1 server on 127.0.0.1:$PORT that reports what it sees.

  /             "Hello $TARGET! ($K_REVISION)"
  /env          its environment as JSON
  /headers      the request headers it received, as JSON (repeated headers joined with ", ")
  /cwd          its working directory
  /args         {"argv": sys.argv[1:], "unbuffered": whether python3 ran with -u}
  /stdin        "eof" if reading stdin ended at once, else "blocked" or "data"
  /pid          its process id
  /echo         {"method", "path" (with the query), "headers", "body"} of the request itself (GET or POST)
  /concurrency  {"max": most requests in flight at once, "inflight": now} (this path itself not counted)
  /ready        503 until $READY_DELAY_MS after start, then 200; /probes tells how each answered
  ?sleep=MS     on any path: wait MS milliseconds before the first byte

With $LISTEN_PORT set it listens there and ignores $PORT, as a workload written for a fixed container port does.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

STARTED = time.monotonic()
READY_DELAY_MS = int(os.environ.get("READY_DELAY_MS", "0"))

lock = threading.Lock()
inflight = 0
max_inflight = 0
probes = {"failed": 0, "succeeded": 0}

stdin_state = {"value": "blocked"}
stdin_read = threading.Event()


def read_stdin():
    try:
        data = sys.stdin.buffer.read(1)
        stdin_state["value"] = "eof" if data == b"" else "data"
    except (OSError, ValueError) as error:
        stdin_state["value"] = "error: " + str(error)
    stdin_read.set()


threading.Thread(target=read_stdin, daemon=True).start()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        global inflight, max_inflight
        self.body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        url = urlparse(self.path)
        counted = url.path != "/concurrency"
        if counted:
            with lock:
                inflight += 1
                max_inflight = max(max_inflight, inflight)
        try:
            sleep = parse_qs(url.query).get("sleep")
            if sleep:
                time.sleep(int(sleep[0]) / 1000.0)
        finally:
            # Finished once it starts answering: the router frees the slot when the response is through, and the
            # next request may arrive before this thread would get back to a count taken after the answer.
            if counted:
                with lock:
                    inflight -= 1
        self.answer(url.path)

    def answer(self, path):
        if path == "/":
            self.send(200, "Hello %s! (%s)\n" % (os.environ.get("TARGET", "World"), os.environ.get("K_REVISION")))
        elif path == "/env":
            self.send(200, json.dumps(dict(os.environ)))
        elif path == "/headers":
            headers = {}
            for name, value in self.headers.items():
                headers[name] = headers[name] + ", " + value if name in headers else value
            self.send(200, json.dumps(headers))
        elif path == "/cwd":
            self.send(200, os.getcwd())
        elif path == "/args":
            self.send(200, json.dumps({"argv": sys.argv[1:], "unbuffered": sys.stdout.write_through}))
        elif path == "/stdin":
            stdin_read.wait(2)
            self.send(200, stdin_state["value"])
        elif path == "/echo":
            self.send(200, json.dumps({"method": self.command, "path": self.path, "headers": dict(self.headers.items()),
                                       "body": self.body.decode("utf-8")}))
        elif path == "/pid":
            self.send(200, str(os.getpid()))
        elif path == "/concurrency":
            with lock:
                self.send(200, json.dumps({"max": max_inflight, "inflight": inflight}))
        elif path == "/ready":
            ready = (time.monotonic() - STARTED) * 1000 >= READY_DELAY_MS
            with lock:
                probes["succeeded" if ready else "failed"] += 1
            self.send(200 if ready else 503, "ready\n" if ready else "not yet\n")
        elif path == "/probes":
            with lock:
                self.send(200, json.dumps(dict(probes, uptimeMs=int((time.monotonic() - STARTED) * 1000))))
        else:
            self.send(404, "no such path: %s\n" % path)

    do_POST = do_GET

    def send(self, status, body):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if body.startswith("{") else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


Server(("127.0.0.1", int(os.environ.get("LISTEN_PORT") or os.environ["PORT"])), Handler).serve_forever()
