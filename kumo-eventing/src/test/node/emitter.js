// A producer written with the npm cloudevents SDK: emits each event of the JSON file argv[3] to argv[2] with
// emitterFor(httpTransport(url)) in the mode argv[4] ("binary" or "structured"), one after the other, then exits.
// Like any user of the SDK it cannot see the status (the transport resolves with headers and body only).
"use strict";
const fs = require("fs");
const { CloudEvent, emitterFor, httpTransport, Mode } = require("cloudevents");

async function main() {
  const [url, file, mode] = process.argv.slice(2);
  const emit = emitterFor(httpTransport(url), { mode: mode === "structured" ? Mode.STRUCTURED : Mode.BINARY });
  for (const attributes of JSON.parse(fs.readFileSync(file, "utf-8"))) {
    // Every event carries data: the SDK's binary mode writes an undefined body otherwise.
    await emit(new CloudEvent({ data: { from: "node" }, ...attributes }));
  }
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(1);
});
