"""The eventing ITs' ContainerSource workload: POSTs a CloudEvent (binary mode) to $K_SINK every half second,
with the $K_CE_OVERRIDES extensions."""
import itertools
import json
import os
import time
import urllib.request

sink = os.environ["K_SINK"]
extensions = json.loads(os.environ.get("K_CE_OVERRIDES", "{}")).get("extensions", {})
for n in itertools.count():
    headers = {"ce-specversion": "1.0", "ce-id": "beat-%d" % n, "ce-type": "dev.kumo.heartbeat",
               "ce-source": "/heartbeat", "Content-Type": "text/plain"}
    for name, value in extensions.items():
        headers["ce-" + name] = value
    try:
        urllib.request.urlopen(urllib.request.Request(sink, data=b"beat", headers=headers, method="POST"),
                               timeout=5).read()
    except Exception as error:
        print("send failed:", error, flush=True)
    time.sleep(0.5)
