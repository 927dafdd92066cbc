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

test('query set on the built site', { skip: !process.env.SITE }, async () => {
  const site = path.resolve(process.env.SITE);
  const base = process.env.BASE || '/';
  let bytes = 0;
  globalThis.fetch = async (url) => {
    const rel = url.slice(base.length);
    const file = path.join(site, rel);
    const ok = fs.existsSync(file);
    const text = ok ? fs.readFileSync(file, 'utf8') : '';
    bytes += text.length;
    return { ok, json: async () => JSON.parse(text || '{}') };
  };
  const cases = JSON.parse(fs.readFileSync(path.join(repo, 'tests/search-queries.json'), 'utf8'));
  const indexes = { zh: new S.Index(base + 'search/zh/'), en: new S.Index(base + 'en/search/en/') };
  let hits = 0;
  const misses = [];
  for (const c of cases) {
    const results = await indexes[c.lang].search(c.q, {});
    const want = base.replace(/\/$/, '') + c.expect;
    const pos = results.findIndex((h) => h.doc.u === want);
    if (pos >= 0 && pos < c.within) hits++; else misses.push(`${c.q}: got ${results.slice(0, 3).map((h) => h.doc.u).join(', ')}`);
  }
  console.log(`search (JavaScript): ${hits}/${cases.length} within the expected rank; ${bytes} bytes read in all`);
  misses.forEach((m) => console.log(`  miss: ${m}`));
  assert.ok(hits * 100 >= cases.length * 95, misses.join('\n'));
});
