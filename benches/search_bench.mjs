// Search side by side with Pagefind, on the same built pages, in headless Chromium.
//
//   node benches/search_bench.mjs SITE_DIR BASE_PATH QUERIES.json [label]
//
// SITE_DIR must already hold gongkai's output, with Pagefind's index in SITE_DIR/pagefind to
// compare (benches/search_vs_pagefind.sh does both; without it only gongkai is measured).
// Prints, per engine: bytes fetched per query (median, max), the client payload, and the
// top-3 hit rate of the query set.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';

const [root, basePath, queriesFile, label = ''] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!p.startsWith(basePath)) { res.writeHead(404); return res.end(); }
  p = p.slice(basePath.length);
  if (p === '' || p.endsWith('/')) p += 'index.html';
  const f = path.join(root, p);
  if (!fs.existsSync(f)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
  res.end(fs.readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });

async function measure(engine, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let payload = 0;
  page.on('response', async (r) => {
    const u = r.url();
    const search = engine === 'gongkai' ? /\/search\/(zh|en)\/|search\.[0-9a-f]+\.js/.test(u) : /\/pagefind\//.test(u);
    if (!search) return;
    try {
      const n = (await r.body()).length;
      bytes += n;
      if (/search\.[0-9a-f]+\.js|pagefind\.js|wasm|pagefind-entry/.test(u)) payload += n;
    } catch (e) {}
  });
  const prefix = q.lang === 'en' ? 'en/' : '';
  let urls;
  if (engine === 'gongkai') {
    await page.goto(`${origin}${basePath}${prefix}search/?q=${encodeURIComponent(q.q)}`);
    await page.waitForFunction(() => document.getElementById('search-status').textContent !== '', null, { timeout: 30000 });
    // Result links are relative to the page: compare the paths they resolve to.
    urls = await page.$$eval('#search-results li > a', (as) => as.map((a) => new URL(a.href).pathname));
  } else {
    await page.goto(`${origin}${basePath}${prefix}404.html`);
    urls = await page.evaluate(async ([base, q]) => {
      const pf = await import(base + 'pagefind/pagefind.js');
      await pf.options({ baseUrl: base });
      const r = await pf.search(q);
      const top = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return top.map((d) => d.url);
    }, [basePath, q.q]);
  }
  await page.waitForTimeout(200);
  await context.close();
  return { bytes, payload, urls };
}

const results = {};
// Pagefind only where its index was built (benches/search_vs_pagefind.sh builds it).
const engines = fs.existsSync(path.join(root, 'pagefind')) ? ['gongkai', 'pagefind'] : ['gongkai'];
for (const engine of engines) {
  const perQuery = [];
  const counts = [];
  let hits = 0;
  for (const q of queries) {
    const m = await measure(engine, q);
    perQuery.push(m.bytes);
    counts.push(m.urls.length);
    const want = q.expect ? basePath.replace(/\/$/, '') + q.expect : null;
    const norm = (u) => u.replace(/index\.html$/, '');
    if (want && m.urls.slice(0, 3).map(norm).includes(want)) hits++;
    results[engine] = { payload: Math.max(results[engine]?.payload || 0, m.payload) };
  }
  perQuery.sort((a, b) => a - b);
  counts.sort((a, b) => a - b);
  const expected = queries.filter((q) => q.expect).length;
  results[engine] = {
    ...results[engine],
    median: perQuery[Math.floor(perQuery.length / 2)],
    max: perQuery[perQuery.length - 1],
    top3: expected ? `${hits}/${expected}` : 'n/a',
    results: counts[Math.floor(counts.length / 2)],
  };
}
await browser.close();
server.close();
console.log(`search bench ${label}: ${queries.length} queries`);
console.log('engine    bytes/query median   max      client payload   top-3 hits   results/query (median, ≤10 shown)');
for (const [e, r] of Object.entries(results)) {
  console.log(`${e.padEnd(9)} ${String(r.median).padStart(18)} ${String(r.max).padStart(9)} ${String(r.payload).padStart(16)}   ${r.top3.padEnd(10)}   ${r.results}`);
}
