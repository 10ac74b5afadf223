"""The functions of knative/docs' Sequence and Parallel samples, as plain Python 3 processes (Kumo's process runtime).

python3 functions.py ROLE, listening on $PORT, each a CloudEvents receiver in binary mode:
  appender     replies with the event, MESSAGE appended to data.message (knative.dev/eventing/cmd/appender)
  filter       replies with the event when FILTER (even|odd) holds for the minute of its time, else 202 and no
               reply: a Parallel's filter passes an event by replying with it
  transformer  replies with the event, its data replaced by {"message": MESSAGE}
  display      logs every event and answers GET / with the events seen so far, one JSON object a line
"""
import json
import os
import sys
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROLE = sys.argv[1] if len(sys.argv) > 1 else "display"
SEEN = []


class Function(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        attributes = {k.lower(): v for k, v in self.headers.items() if k.lower().startswith("ce-")}
        content_type = self.headers.get("Content-Type", "application/json")
        if ROLE == "display":
            event = dict((k[3:], v) for k, v in attributes.items())
            event["data"] = body.decode("utf-8", "replace")
            SEEN.append(event)
            print("event", json.dumps(event), flush=True)
            return self.answer(202)
        if ROLE == "filter" and not self.passes(attributes):
            return self.answer(202)
        if ROLE == "appender":
            data = json.loads(body or b"{}")
            data["message"] = data.get("message", "") + os.environ.get("MESSAGE", "")
            body = json.dumps(data).encode()
        elif ROLE == "transformer":
            body = json.dumps({"message": os.environ.get("MESSAGE", "")}).encode()
        self.send_response(200)
        for name, value in attributes.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        body = "".join(json.dumps(event) + "\n" for event in SEEN).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    @staticmethod
    def passes(attributes):
        time = attributes.get("ce-time")
        minute = datetime.fromisoformat(time.replace("Z", "+00:00")).minute if time else datetime.utcnow().minute
        return (minute % 2 == 0) == (os.environ.get("FILTER", "even") == "even")

    def answer(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8080"))
    print(ROLE, "listening on", port, flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Function).serve_forever()
