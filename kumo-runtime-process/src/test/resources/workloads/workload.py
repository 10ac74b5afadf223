"""A test workload: serves HTTP on $PORT (on $FIXED_PORT in mode "fixed") and behaves as its first argument says."""
import http.server
import json
import os
import signal
import subprocess
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "serve"
stdin_text = sys.stdin.read()  # returns at once only if stdin is at EOF
print(f"workload {mode} pid {os.getpid()} starting", flush=True)

if mode == "exit":
    for i in range(30):
        print(f"line {i}")
    print("fatal: cannot open the database", file=sys.stderr, flush=True)
    sys.exit(3)
if mode == "silent":
    time.sleep(3600)
if mode == "spawn":
    child = subprocess.Popen(["sleep", "300"])
    print(f"pids {os.getpid()} {child.pid}", flush=True)
if mode in ("daemon", "fork"):
    # A daemon: double fork (and, for "daemon", a session of its own), as setsid(1) or a classic daemon does.
    reader, writer = os.pipe()
    if os.fork() == 0:
        if mode == "daemon":
            os.setsid()
        if os.fork() == 0:
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            os.write(writer, str(os.getpid()).encode())
            os.close(writer)
            os.execvp("sleep", ["sleep", "300"])
        os._exit(0)
    os.close(writer)
    daemon = int(os.read(reader, 32))
    os.wait()
    print(f"pids {os.getpid()} {daemon}", flush=True)
if mode == "stubborn":
    signal.signal(signal.SIGTERM, lambda signum, frame: print("ignoring SIGTERM", flush=True))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        status = 200
        if self.path == "/env":
            body = json.dumps(dict(os.environ))
        elif self.path == "/cwd":
            body = os.getcwd()
        elif self.path == "/stdin":
            body = json.dumps(stdin_text)
        elif self.path == "/tmp":
            path = os.path.join(os.environ["TMPDIR"], "scratch.txt")
            with open(path, "w") as scratch:
                scratch.write("ok")
            body = path
        elif self.path == "/healthz":
            status = 500 if mode == "unhealthy" else 200
            body = "unhealthy" if status == 500 else "ok"
        else:
            body = "hello from " + os.environ.get("K_REVISION", "?")
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        print("request " + self.path, flush=True)


# mode "fixed": a workload that ignores PORT, as one written for a container listening on a fixed port
port = int(os.environ["FIXED_PORT"] if mode == "fixed" else os.environ["PORT"])
http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
