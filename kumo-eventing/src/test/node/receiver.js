// A subscriber written with the npm cloudevents SDK: prints its port, then one JSON line per event it reads
// (HTTP.toEvent on the headers and body exactly as Node's http module hands them over), and answers 202.
// Node decodes header bytes as Latin-1, so each string is also given as its bytes read as UTF-8 ("utf8").
"use strict";
const http = require("http");
const { HTTP } = require("cloudevents");

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const event = HTTP.toEvent({ headers: req.headers, body: Buffer.concat(chunks).toString("utf-8") });
      const got = {};
      const utf8 = {};
      for (const [name, value] of Object.entries(event)) {
        if (typeof value === "string" && name !== "data" && name !== "data_base64") {
          got[name] = value;
          utf8[name] = Buffer.from(value, "latin1").toString("utf-8");
        }
      }
      process.stdout.write(JSON.stringify({ event: got, utf8 }) + "\n");
      res.writeHead(202).end();
    } catch (err) {
      process.stdout.write(JSON.stringify({ error: String(err && err.message ? err.message : err) }) + "\n");
      res.writeHead(400).end(String(err));
    }
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n"));
