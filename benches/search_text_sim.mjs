// What cutting the search index's document text shorter would do, without rebuilding: reads a
// built site's index, cuts each text record as a build with a byte limit would (the longest
// prefix of whole characters within LIMIT bytes, `"c":1`, sections past the cut dropped), packs
// the records DOCS_PER_CHUNK = clamp(CHUNK_BYTES / average record, 1, MAXPER) to a file, and
// runs every query of benches/corpus-queries.json and tests/search-queries.json with the
// counted search (first page + count) and the tiered one, full text against cut text.
//
//   MAXPER=5 node benches/search_text_sim.mjs SITE_DIR LIMIT CHUNK_BYTES
//
// Prints per language: documents, average record, documents per chunk, text files, text bytes;
// bytes per query (corpus set, counted search: the index files read plus the simulated chunks
// of the candidates); how many (query, mode) pairs give a different first page or count; how
// many excerpts differ; how many hits lose their <mark> (the match lies past the cut).
// LIMIT 0 keeps the text as built (a check: everything identical).
//
// It reads index format 2 (plain `.json` files, before the compressed index of format 3) with
// that format's search.js: run it on a site built by `5b6593a` or earlier, with
// `git show 5b6593a:themes/default/static/search.js` in place of the current client. Kept for
// the measurements it made (BENCHMARKS.md, "Search text cut short").
import fs from 'node:fs'; import path from 'node:path'; import vm from 'node:vm'; import { fileURLToPath } from 'node:url';
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
vm.runInThisContext(fs.readFileSync(path.join(repo, 'themes/default/static/search.js'), 'utf8'));
const S = globalThis.gongkaiSearch;
const [site, Ns, CBs] = process.argv.slice(2);
const N = +Ns, CB = +CBs;
const qs = JSON.parse(fs.readFileSync(repo + '/benches/corpus-queries.json', 'utf8')).concat(JSON.parse(fs.readFileSync(repo + '/tests/search-queries.json', 'utf8')));
let read = [];
globalThis.fetch = async (url) => { const f = path.join(site, url); const ok = fs.existsSync(f); const t = ok ? fs.readFileSync(f, 'utf8') : ''; read.push([path.basename(url), t.length ? Buffer.byteLength(t) : 0]); return { ok, json: async () => JSON.parse(t || '{}') }; };
function shorten(d) {
  if (!d || N <= 0) return d;
  const all = Array.from(d.x || ''); let b = 0, k = 0;
  while (k < all.length && b + Buffer.byteLength(all[k]) <= N) { b += Buffer.byteLength(all[k]); k++; }
  if (k === all.length) return d;
  const ch = all.slice(0, k); const NC = k;
  const e = Object.assign({}, d, { x: ch.join(''), c: 1 });
  if (d.h) { const h = []; for (let i = 0; i < d.h.length; i += 2) if (d.h[i] < NC) h.push(d.h[i], d.h[i + 1]); e.h = h.length ? h : undefined; if (!h.length) delete e.h; }
  return e;
}
// record sizes per lang
const sizes = {};
for (const [lang, base] of [['zh', '/search/zh/'], ['en', '/en/search/en/']]) {
  const dir = path.join(site, base); const meta = JSON.parse(fs.readFileSync(dir + 'meta.json'));
  const recs = [];
  for (let c = 0; c * meta.chunk < meta.n; c++) { const docs = JSON.parse(fs.readFileSync(dir + 'd' + c + '.' + meta.hash + '.json', 'utf8')); docs.forEach((d) => recs.push(Buffer.byteLength(JSON.stringify(shorten(d))) + 1)); }
  const avg = recs.reduce((a, b) => a + b, 0) / recs.length;
  const per = Math.max(1, Math.min(+(process.env.MAXPER || 64), Math.floor(CB / avg)));
  sizes[lang] = { recs, per, files: Math.ceil(recs.length / per), n: recs.length, avg };
  console.log(lang, 'docs', recs.length, 'avg record', avg.toFixed(0), 'per chunk', per, 'files', Math.ceil(recs.length / per), 'text MB', (recs.reduce((a, b) => a + b, 0) / 1e6).toFixed(1));
}
const orig = S.Index.prototype.doc;
async function run(q, mode, short) {
  const ix = new S.Index(q.lang === 'en' ? '/en/search/en/' : '/search/zh/');
  let used = new Set();
  ix.doc = function (id) { used.add(id); return orig.call(this, id).then((d) => short ? shorten(d) : d); };
  read = [];
  const r = mode ? await ix.searchPage(q.q, {}, 0) : { hits: await ix.search(q.q, {}), total: -1 };
  const nond = read.filter(([n]) => n[0] !== 'd').reduce((a, [, b]) => a + b, 0);
  const sz = sizes[q.lang]; const chunks = new Set([...used].map((id) => Math.floor(id / sz.per)));
  let dbytes = 0; for (const c of chunks) { for (let i = c * sz.per; i < Math.min(sz.n, (c + 1) * sz.per); i++) dbytes += sz.recs[i]; }
  return { order: JSON.stringify([r.total, r.hits.map((h) => [h.doc.u, h.score, h.phrase])]), ex: JSON.stringify(r.hits.map((h) => [h.excerpt, h.section])), bytes: nond + dbytes, marks: r.hits.map((h) => /<mark>/.test(h.excerpt)) };
}
let same = 0, diff = 0, exdiff = 0, lostmarks = 0, marked = 0; const bytes = { zh: [], en: [] };
for (const q of qs) for (const mode of [1, 0]) {
  const a = await run(q, mode, false), b = await run(q, mode, true);
  if (a.order === b.order) same++; else { diff++; console.log('ORDER DIFF', q.lang, q.q, mode, '\n  ', a.order, '\n  ', b.order); }
  if (a.ex !== b.ex) exdiff++;
  a.marks.forEach((m, i) => { if (m) marked++; if (m && b.marks[i] === false) lostmarks++; });
  if (mode === 1 && qs.indexOf(q) < 12) bytes[q.lang].push(b.bytes);
}
for (const l of ['zh', 'en']) { const s = bytes[l].sort((a, b) => a - b); console.log(l, 'bytes median', s[Math.floor(s.length / 2)], 'max', s[s.length - 1]); }
console.log(`order identical ${same}, different ${diff}; excerpts differ in ${exdiff}; hits losing their mark ${lostmarks} of ${marked}`);
