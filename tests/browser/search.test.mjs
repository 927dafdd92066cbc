// The JavaScript search client against the shared fixtures:
// - its tokenizer gives exactly what src/search/tokenize.rs gives (tests/search-tokenize.json);
// - on a built site (SITE=… BASE=…), its ranking meets the query set (tests/search-queries.json)
//   like the Rust evaluator does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
vm.runInThisContext(fs.readFileSync(path.join(repo, 'themes/default/static/search.js'), 'utf8'));
const S = globalThis.gongkaiSearch;

test('tokenizer agrees with the shared fixture', () => {
  const cases = JSON.parse(fs.readFileSync(path.join(repo, 'tests/search-tokenize.json'), 'utf8'));
  assert.ok(cases.length >= 15);
  for (const c of cases) {
    assert.equal(S.fold(c.input), c.folded, `fold ${c.input}`);
    assert.deepEqual(S.indexTokens(c.input), c.index, `index ${c.input}`);
    assert.deepEqual(S.queryTokens(c.input), c.query, `query ${c.input}`);
  }
});

test('bucket hash is 32-bit FNV-1a like the Rust index', () => {
  assert.equal(S.fnv32(''), 0x811c9dc5);
  assert.equal(S.fnv32('a'), 0xe40c292c);
  assert.equal(S.fnv32('foobar'), 0xbf9cf968);
});

test('inflate reads what zlib deflates: every block kind, with and without a dictionary', () => {
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const dict = Buffer.from('部门整体支出绩效自评报告，项目支出绩效自评表。'.repeat(30));
  let cases = 0;
  for (let t = 0; t < 40; t++) {
    // Text-like data: runs copied from a little earlier (matches), and fresh bytes.
    const n = Math.floor(rnd() * 70000), b = Buffer.alloc(n), alpha = 1 + Math.floor(rnd() * 255);
    for (let i = 0; i < n; i++) b[i] = rnd() < 0.5 && i > 10 ? b[i - 1 - Math.floor(rnd() * 10)] : Math.floor(rnd() * alpha);
    for (const level of [0, 1, 6, 9]) {
      for (const strategy of [zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FIXED, zlib.constants.Z_HUFFMAN_ONLY]) {
        const d = t % 2 ? dict : null;
        const packed = zlib.deflateRawSync(b, d ? { level, strategy, dictionary: d } : { level, strategy });
        assert.ok(Buffer.from(S.inflate(new Uint8Array(packed), d && new Uint8Array(d))).equals(b), `case ${t}, level ${level}`);
        cases++;
      }
    }
  }
  assert.equal(cases, 480);
  const text = Buffer.from('三公经费'.repeat(500));
  const packed = new Uint8Array(zlib.deflateRawSync(text));
  assert.throws(() => S.inflate(packed.subarray(0, packed.length >> 1)), /ends early/);
  assert.throws(() => S.inflate(new Uint8Array([0xff, 0xff, 0xff])));
});

const base = process.env.BASE || '/';
let bytes = 0;
if (process.env.SITE) {
  const site = path.resolve(process.env.SITE);
  globalThis.fetch = async (url) => {
    const file = path.join(site, url.slice(base.length));
    const ok = fs.existsSync(file);
    const buf = ok ? fs.readFileSync(file) : Buffer.alloc(0);
    bytes += buf.length;
    return {
      ok,
      json: async () => JSON.parse(buf.toString('utf8') || '{}'),
      arrayBuffer: async () => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length),
    };
  };
}

test('query set on the built site', { skip: !process.env.SITE }, async () => {
  bytes = 0;
  const cases = JSON.parse(fs.readFileSync(path.join(repo, 'tests/search-queries.json'), 'utf8'));
  const indexes = { zh: new S.Index(base + 'search/zh/'), en: new S.Index(base + 'en/search/en/') };
  let hits = 0;
  let first = 0;
  const misses = [];
  for (const c of cases) {
    const results = await indexes[c.lang].search(c.q, {});
    const want = c.expect; // addresses in the index are paths from the site root
    const pos = results.findIndex((h) => h.doc.u === want);
    if (pos === 0) first++;
    if (pos >= 0 && pos < c.within) hits++; else misses.push(`${c.q}: got ${results.slice(0, 3).map((h) => h.doc.u).join(', ')}`);
  }
  console.log(`search (JavaScript): ${hits}/${cases.length} within the expected rank, ${first} first; ${bytes} bytes read in all`);
  misses.forEach((m) => console.log(`  miss: ${m}`));
  assert.ok(hits * 100 >= cases.length * 95, misses.join('\n'));
});

// As filters_narrow_the_results in tests/search.rs.
test('filters and single characters on the built site', { skip: !process.env.SITE }, async () => {
  const zh = new S.Index(base + 'search/zh/');
  const urls = async (q, f) => (await zh.search(q, f)).map((h) => h.doc.u);
  assert.ok((await urls('园区', {})).length >= 6);
  const park = await urls('园区', { park: 'daoxian' });
  assert.ok(park.length && park.every((u) => u.includes('/parks/daoxian/')), park.join());
  const year = await urls('园区', { year: '2021' });
  assert.ok(year.length === 2 && year.every((u) => u.includes('/2021/')), year.join());
  const units = await urls('园区', { kind: '0' });
  assert.ok(units.length && units.every((u) => u.split('/').length === 4), units.join());
  assert.equal((await urls('园区', { grade: '1' })).length, 2); // 冷水滩 2021 and its 2022 project report
  assert.ok((await urls('园', {})).length >= 6, 'a single Han character');
});

// Issue 16: “三公”经费 in the text, 三公经费 typed: found, marked where it stands, linked to its section.
test('excerpt marks the match where it stands, across quotes', () => {
  const text = '一、概况。' + '园区'.repeat(60) + '本年度“三公”经费支出3.28万元。';
  const ex = S.excerpt(text, '三公经费');
  assert.ok(ex.html.includes('<mark>三公”经费</mark>'), ex.html);
  assert.ok(ex.html.startsWith('…'), 'from where it occurs, not the opening');
  assert.equal(Array.from(text)[ex.at], '三');
  assert.equal(S.excerpt('<b>&', 'none').html, '&lt;b&gt;&amp;');
  assert.equal(S.excerpt('abc', 'none').at, null);
});

test('三公经费 on the built site: a marked excerpt and a section link', { skip: !process.env.SITE }, async () => {
  const zh = new S.Index(base + 'search/zh/');
  const r = await zh.searchPage('三公经费', {}, 0);
  assert.ok(r.total >= r.hits.length && r.hits.length > 0);
  const withText = r.hits.filter((h) => h.excerpt.includes('<mark>三公”经费</mark>'));
  assert.ok(withText.length > 0, r.hits.map((h) => h.excerpt).join('\n'));
  const site = path.resolve(process.env.SITE);
  for (const h of withText) {
    if (!h.section) continue;
    const page = fs.readFileSync(path.join(site, h.doc.u, 'index.html'), 'utf8');
    assert.ok(page.includes(`id="${h.section}"`), `#${h.section} on ${h.doc.u}`);
  }
  assert.ok(withText.some((h) => h.section), 'at least one links to its section');
  // The first page of the counted search is the tiered search's.
  assert.deepEqual((await zh.search('三公经费', {})).map((h) => h.doc.u), r.hits.map((h) => h.doc.u));
});

// With every report matching, the count is all of them and the pages reach each once.
test('true count and pages on the built site', { skip: !process.env.SITE }, async () => {
  const zh = new S.Index(base + 'search/zh/');
  bytes = 0;
  const first = await zh.searchPage('绩效', {}, 0);
  const firstBytes = bytes;
  const reports = fs.readdirSync(path.resolve(process.env.SITE, 'parks'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.resolve(process.env.SITE, 'parks', d.name), { withFileTypes: true })
      .filter((y) => y.isDirectory() && /^\d{4}/.test(y.name))).length;
  assert.ok(first.total >= reports, `${first.total} of ${reports} reports`);
  const seen = new Set();
  for (let p = 0; p * 10 < first.total; p++) {
    const r = await zh.searchPage('绩效', {}, p);
    assert.equal(r.total, first.total);
    r.hits.forEach((h) => { assert.ok(!seen.has(h.doc.u), h.doc.u); seen.add(h.doc.u); });
  }
  assert.equal(seen.size, first.total);
  console.log(`search (JavaScript): 绩效 ${first.total} results over ${reports} reports; first page and count ${firstBytes} bytes`);
});
