// Bytes the search client fetches per query, by file kind, without a browser.
//
//   node benches/search_bytes.mjs SITE_DIR QUERIES.json [--tiered]
//
// Runs themes/default/static/search.js in Node with a fetch that reads SITE_DIR and counts
// the bytes of each response: per query what the search page fetches (meta.json, term shards,
// further blocks, text chunks; the first page with its count, as the page does; `--tiered`:
// the first page without the count). The client script itself is not counted here
// (benches/search_bench.mjs counts it, in Chromium). Prints each query, then median and max.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [site, queriesFile, mode] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(path.join(repo, 'themes/default/static/search.js'), 'utf8'));
const S = globalThis.gongkaiSearch;
let read = [];
globalThis.fetch = async (url, init) => {
  const file = path.join(site, url);
  const ok = fs.existsSync(file);
  let buf = ok ? fs.readFileSync(file) : Buffer.alloc(0);
  const range = init && init.headers && init.headers.Range;
  if (ok && range) {
    const [a, b] = range.replace('bytes=', '').split('-').map(Number);
    buf = buf.subarray(a, b + 1);
  }
  read.push([path.basename(url), buf.length]);
  const text = buf.toString('utf8');
  const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  return { ok, status: range ? 206 : 200, text: async () => text, json: async () => JSON.parse(text || '{}'), arrayBuffer: async () => bytes };
};
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
const sizes = { zh: [], en: [] };
for (const q of queries) {
  read = [];
  const index = new S.Index(q.lang === 'en' ? '/en/search/en/' : '/search/zh/');
  const hits = mode === '--tiered' ? await index.search(q.q, {}) : (await index.searchPage(q.q, {}, 0)).hits;
  const kinds = {};
  let total = 0;
  for (const [name, n] of read) {
    const k = name === 'meta.json' ? 'meta' : name[0];
    kinds[k] = kinds[k] || [0, 0];
    kinds[k][0]++;
    kinds[k][1] += n;
    total += n;
  }
  sizes[q.lang].push(total);
  const parts = Object.entries(kinds).map(([k, [c, n]]) => `${k} ${c}×/${n}`).join(', ');
  console.log(`${q.lang} ${q.q.padEnd(22)} ${String(total).padStart(7)} B, ${hits.length} hits (${parts})`);
}
for (const [lang, s] of Object.entries(sizes)) {
  if (!s.length) continue;
  s.sort((a, b) => a - b);
  console.log(`${lang}: ${s.length} queries, bytes per query median ${s[Math.floor(s.length / 2)]}, max ${s[s.length - 1]}`);
}
const all = sizes.zh.concat(sizes.en).sort((a, b) => a - b);
console.log(`all: median ${all[Math.floor(all.length / 2)]}, max ${all[all.length - 1]}`);
