"""A Knative-style workload in plain Python 3: answers "Hello <TARGET>!" on $PORT and logs the events POSTed to it."""
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        body = "Hello {}! ({})\n".format(os.environ.get("TARGET", "World"),
                                        os.environ.get("K_REVISION", "local")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        # A CloudEvent delivered by a Trigger (binary mode: ce-* headers, data as the body): log it, answer 202.
        data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        print("event {} from {}: {}".format(self.headers.get("ce-type"), self.headers.get("ce-source"),
                                            data.decode("utf-8", "replace")), flush=True)
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, fmt, *args):
        print(fmt % args, flush=True)


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8080"))
    print("hello-python listening on", port, flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Hello).serve_forever()
