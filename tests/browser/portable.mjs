// Portable output in headless Chromium (Debian's, never a downloaded one): one built folder,
// unchanged, served at base_url's path, at a server's root and at another sub-path, and opened
// from file://. At each it opens every page (starting from both home pages and both 404 pages,
// following every link), loads everything each page loads (stylesheet, scripts) and every file
// a link leads to (charts, JSON, CSV, feeds, checksums), and fails on:
// - a page or file that does not load, a request that fails, a page without its stylesheet;
// - a link to a folder (`../2019/`): from file:// a browser shows a folder as a list of files;
// - a link that leaves the site, or a request to another host.
// Served, search works (a query in the address, and the search box of another page, give
// results that open) and a 404 page shown at a deep missing address finds its stylesheet and
// links under base_url's path. From file://, the search page says search needs a web server.
//
//   node portable.mjs SITE_DIR BASE_PATH
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const [siteArg, basePath = '/'] = process.argv.slice(2);
const root = path.resolve(siteArg);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

const cases = [
  { name: `served at its base path ${basePath}`, mount: basePath },
  { name: 'served at the server root /', mount: '/' },
  { name: 'served at another sub-path /staging/jx/', mount: '/staging/jx/' },
  { name: 'opened from file://', mount: null },
];
// Page kinds that must be reached in every case, by their path below the site root.
const kinds = {
  home: /^(en\/)?index\.html$/, parks: /^(en\/)?parks\/index\.html$/, unit: /^(en\/)?parks\/[^/]+\/index\.html$/,
  'report (zh)': /^parks\/[^/]+\/[^/]+\/index\.html$/, 'report (en)': /^en\/parks\/[^/]+\/[^/]+\/index\.html$/,
  years: /^(en\/)?years\/index\.html$/, year: /^(en\/)?years\/\d+\/index\.html$/, data: /^(en\/)?data\/index\.html$/,
  search: /^(en\/)?search\/index\.html$/, 404: /^(en\/)?404\.html$/,
};
const searches = [['', '冷水滩', 'parks/lengshuitan/'], ['', '污水处理站', 'parks/daxiang/2021/'],
  ['en/', 'sewage treatment', 'en/parks/daxiang/2021/'], ['en/', 'lithium', 'en/parks/daoxian/2023/']];

let total = 0;
for (const c of cases) {
  const server = c.mount === null ? null : await serve(root, c.mount);
  const site = server ? `http://127.0.0.1:${server.address().port}${c.mount}` : pathToFileURL(root).href + '/';
  const r = await check(site, !!server);
  console.log(`portable: ${c.name}: ${r.pages} pages, ${r.links} links and ${r.assets} assets checked, `
    + `${r.searches} searches, ${r.failures.length} failures`);
  r.failures.forEach((f) => console.log(`  FAIL ${f}`));
  total += r.failures.length;
  if (server) server.close();
}
await browser.close();
process.exit(total ? 1 : 0);

async function check(site, served) {
  const failures = [];
  const fail = (m) => failures.push(m);
  const inSite = (u) => u.startsWith(site);
  const rel = (u) => decodeURIComponent(u.slice(site.length).split(/[?#]/)[0]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const pages = new Set();
  const assets = new Map(); // url → where it was first met
  const links = new Set();
  const queue = ['index.html', 'en/index.html', '404.html', 'en/404.html'].map((p) => site + p);
  const page = await context.newPage();
  let current = '';
  page.on('requestfailed', (q) => {
    // The browser drops a page's icon request when the next page opens; the icon's file is
    // checked below with every other file a link leads to.
    if (q.failure()?.errorText === 'net::ERR_ABORTED' && /\/assets\/favicon\.[0-9a-f]+\.svg$/.test(q.url())) return;
    fail(`${current}: ${q.url()} failed (${q.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    const u = res.url();
    if (res.status() >= 400 && res.request().resourceType() !== 'document') fail(`${current}: ${u}: HTTP ${res.status()}`);
    if (res.request().resourceType() !== 'document' && inSite(u)) assets.set(u.split('#')[0], current);
  });
  page.on('request', (q) => {
    const u = q.url();
    if (!inSite(u) && !u.startsWith('data:')) fail(`${current}: request to another place: ${u}`);
  });
  page.on('pageerror', (e) => fail(`${current}: script error: ${e.message}`));

  while (queue.length) {
    const url = queue.shift();
    const key = url.split(/[?#]/)[0];
    if (pages.has(key)) continue;
    pages.add(key);
    current = rel(key);
    let res;
    try {
      res = await page.goto(url, { waitUntil: 'load' });
    } catch (e) {
      fail(`${current}: cannot open: ${e.message.split('\n')[0]}`);
      continue;
    }
    if (served && (!res || res.status() !== 200)) fail(`${current}: HTTP ${res && res.status()}`);
    // The stylesheet applies: the skip link is moved off screen only by it.
    const styled = await page.evaluate(() => {
      const s = document.querySelector('.skip-link');
      return !!s && getComputedStyle(s).position === 'absolute';
    });
    if (!styled) fail(`${current}: the stylesheet did not apply`);
    const found = await page.evaluate(() => [
      ...[...document.querySelectorAll('a[href], link[href]')].map((e) => [e.tagName, e.rel || '', e.getAttribute('href'), e.href]),
      ...[...document.querySelectorAll('script[src], img[src]')].map((e) => [e.tagName, '', e.getAttribute('src'), e.src]),
      ...[...document.querySelectorAll('form[action]')].map((e) => [e.tagName, '', e.getAttribute('action'), e.action]),
    ]);
    for (const [tag, relAttr, raw, abs] of found) {
      // What a standard requires to be absolute: canonical, hreflang alternates.
      if (tag === 'LINK' && (relAttr === 'canonical' || (relAttr === 'alternate' && /^https?:/.test(raw)))) continue;
      if (raw.startsWith('#')) continue;
      if (/^https?:\/\//.test(raw) && !inSite(abs)) continue; // the licence, chosen in site.toml
      if (raw.startsWith('/')) fail(`${current}: link from the server's root: ${raw}`);
      if (!inSite(abs)) { fail(`${current}: ${raw} leaves the site (${abs})`); continue; }
      const target = abs.split(/[?#]/)[0];
      if (target.endsWith('/')) { fail(`${current}: ${raw} links to a folder`); continue; }
      links.add(`${current} → ${raw}`);
      if (target.endsWith('.html')) queue.push(abs);
      else if (!assets.has(target)) assets.set(target, current);
    }
  }
  // Every file a link leads to, loaded as the browser would find it.
  const request = context.request;
  const loaded = new Set();
  for (const [u, from] of assets) {
    if (loaded.has(u)) continue;
    loaded.add(u);
    if (served) {
      const res = await request.get(u);
      if (res.status() !== 200) fail(`${from}: ${rel(u)}: HTTP ${res.status()}`);
      else if ((await res.body()).length === 0) fail(`${from}: ${rel(u)} is empty`);
    } else {
      const file = fileURLToPath(u);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(`${from}: ${rel(u)}: no such file`);
      else if (fs.statSync(file).size === 0) fail(`${from}: ${rel(u)} is empty`);
    }
  }
  for (const [kind, re] of Object.entries(kinds)) {
    if (![...pages].some((p) => re.test(rel(p)))) fail(`no ${kind} page reached`);
  }

  let searched = 0;
  if (served) {
    for (const [lang, q, want] of searches) {
      current = `${lang}search/index.html?q=${q}`;
      await page.goto(`${site}${lang}search/index.html?q=${encodeURIComponent(q)}`);
      const hrefs = await results(page);
      if (!hrefs.some((h) => h === `${site}${want}`)) fail(`search ${q}: ${want} not among ${hrefs.slice(0, 3).map(rel).join(', ')}`);
      else {
        current = want;
        const res = await page.goto(`${site}${want}`);
        if (res.status() !== 200) fail(`search ${q}: its result ${want} gives HTTP ${res.status()}`);
      }
      searched++;
    }
    // The search box of a report page leads to the results.
    current = 'en/parks/daoxian/2023/index.html (search box)';
    await page.goto(`${site}en/parks/daoxian/2023/index.html`);
    await page.fill('#site-search', 'lithium');
    await Promise.all([page.waitForURL(/search\/index\.html\?q=lithium/), page.press('#site-search', 'Enter')]);
    if (!(await results(page)).length) fail('the search box of a report page gives no results');
    searched++;
    // A 404 page shown at a deep missing address: under base_url's path its <base> finds
    // its stylesheet and links; elsewhere only the file itself is checked (above).
    if (site.endsWith(basePath) && new URL(site).pathname === basePath) {
      current = 'parks/no-such-unit/2020/ (404)';
      const res = await page.goto(`${site}parks/no-such-unit/2020/`);
      if (res.status() !== 404) fail(`${current}: HTTP ${res.status()}`);
      const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position === 'absolute');
      if (!styled) fail(`${current}: the stylesheet did not apply`);
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href).filter((h) => !h.startsWith('https:')));
      for (const h of hrefs) {
        const r2 = await request.get(h);
        if (r2.status() !== 200) fail(`${current}: ${h}: HTTP ${r2.status()}`);
        links.add(`${current} → ${h}`);
      }
    }
  } else {
    // From file://: the search page says search needs a web server, and still lists every unit.
    for (const lang of ['', 'en/']) {
      current = `${lang}search/index.html`;
      await page.goto(`${site}${lang}search/index.html?q=x`);
      if (!(await page.isVisible('#search-file'))) fail(`${current}: no notice that search needs a web server`);
      if (await page.isVisible('#search-form')) fail(`${current}: the search form shows, but cannot work from file://`);
      if ((await page.$$('table.list tbody tr')).length < 4) fail(`${current}: units not listed`);
    }
  }
  await context.close();
  return { pages: pages.size, links: links.size, assets: loaded.size, searches: searched, failures };
}

async function results(page) {
  try {
    await page.waitForFunction(() => document.getElementById('search-status').textContent !== '', null, { timeout: 10000 });
  } catch { return []; }
  return page.$$eval('#search-results li > a', (as) => as.map((a) => a.href.split('#')[0]));
}
