// The JavaScript search client against the shared fixtures:
// - its tokenizer gives exactly what src/search/tokenize.rs gives (tests/search-tokenize.json);
// - on a built site (SITE=… BASE=…), its ranking meets the query set (tests/search-queries.json)
//   like the Rust evaluator does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
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

const base = process.env.BASE || '/';
let bytes = 0;
if (process.env.SITE) {
  const site = path.resolve(process.env.SITE);
  globalThis.fetch = async (url) => {
    const file = path.join(site, url.slice(base.length));
    const ok = fs.existsSync(file);
    const text = ok ? fs.readFileSync(file, 'utf8') : '';
    bytes += text.length;
    return { ok, json: async () => JSON.parse(text || '{}') };
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
  assert.equal((await urls('园区', { grade: '1' })).length, 1);
  assert.ok((await urls('园', {})).length >= 6, 'a single Han character');
});
