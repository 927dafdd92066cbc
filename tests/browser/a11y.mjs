// Accessibility and hosting checks in headless Chromium (Debian's, never a downloaded one):
// - axe-core with the WCAG 2.1 A/AA rules on the home, unit, report, year, search and data
//   pages in both languages: zero violations;
// - no horizontal scrolling at 320 px width and at 200 % zoom (640 px);
// - no request to any host other than the site itself.
//
//   node a11y.mjs SITE_DIR BASE_PATH
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';

const [root, basePath = '/'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const pages = ['', 'parks/', 'parks/wangcheng/', 'parks/wangcheng/2019/', 'parks/daoxian/2023/', 'parks/lengshuitan/2021/',
  'parks/daxiang/2021/', 'years/', 'years/2021/', 'years/2021/by-score/', 'data/', 'glossary/', '404.html'];
if (fs.existsSync(path.join(root, 'search/index.html'))) pages.push('search/');
// A project report with its self-evaluation form, where the site has one (tests/fixtures/project-report.md).
if (fs.existsSync(path.join(root, 'parks/lengshuitan/2022/index.html'))) pages.push('parks/lengshuitan/2022/');

const server = await serve(path.resolve(root), basePath);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failures = 0;
let checked = 0;
let failedPages = 0;
const fail = (msg) => { failures++; console.log(`FAIL ${msg}`); };

for (const lang of ['', 'en/']) {
  for (const p of pages) {
    const url = `${origin}${basePath}${lang}${p}`;
    const failuresBefore = failures;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
    const res = await page.goto(url, { waitUntil: 'networkidle' });
    if (!res || (res.status() !== 200 && !p.startsWith('404'))) fail(`${url}: HTTP ${res && res.status()}`);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    for (const v of result.violations) {
      fail(`${url}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) fail(`${url}: scrolls sideways by ${overflow}px at ${width}px width`);
    }
    // The reading options (适老化) work without JavaScript and keep the page accessible.
    if (p === 'parks/wangcheng/2019/') {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.click('label[for="opt-large"]');
      await page.click('label[for="opt-contrast"]');
      const size = await page.evaluate(() => getComputedStyle(document.querySelector('main p')).fontSize);
      if (parseFloat(size) < 19) fail(`${url}: larger text option gives ${size}`);
      const again = await page.evaluate(async () => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      for (const v of again.violations) fail(`${url} (larger text, high contrast): ${v.id} ${v.help}`);
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) fail(`${url}: larger text scrolls sideways by ${overflow}px at 320px`);
    }
    if (foreign.length) fail(`${url}: requests to other hosts: ${foreign.join(', ')}`);
    checked++;
    if (failures > failuresBefore) failedPages++;
    await context.close();
  }
}
// Search in the page: the query in the URL, results as you type, the count announced.
if (fs.existsSync(path.join(root, 'search/index.html'))) {
  const page = await browser.newPage();
  const cases = [['', '冷水滩', 'parks/lengshuitan/'], ['', '污水处理站', 'parks/daxiang/2021/'],
    ['en/', 'sewage treatment', 'en/parks/daxiang/2021/'], ['en/', 'lithium', 'en/parks/daoxian/2023/']];
  for (const [lang, q, want] of cases) {
    await page.goto(`${origin}${basePath}${lang}search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => document.getElementById('search-status').textContent !== '', null, { timeout: 10000 });
    const links = await page.$$eval('#search-results li > a', (as) => as.slice(0, 3).map((a) => a.href.split('#')[0]));
    if (!links.includes(`${origin}${basePath}${want}`)) fail(`search ${q}: ${want} not in the top 3 (${links.join(', ')})`);
    const status = await page.textContent('#search-status');
    if (!/\d/.test(status)) fail(`search ${q}: the count is not announced (${status})`);
    checked++;
  }
  // Typing updates the results and the address.
  await page.fill('#search-q', '道县');
  await page.waitForFunction(() => /%E9%81%93|道县/.test(decodeURIComponent(location.search)) && document.querySelectorAll('#search-results li').length > 0, null, { timeout: 10000 });
  const first = await page.$eval('#search-results li > a', (a) => a.href);
  if (!first.includes('/parks/daoxian/')) fail(`typing 道县: first result ${first}`);
  // Without JavaScript the page says so and lists every unit.
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const p2 = await nojs.newPage();
  await p2.goto(`${origin}${basePath}search/`);
  if (!(await p2.isVisible('#search-nojs'))) fail('search without JavaScript: no notice');
  if ((await p2.$$('table.list tbody tr')).length < 4) fail('search without JavaScript: units not listed');
  await nojs.close();
  await page.close();
  checked++;
}
await browser.close();
server.close();
console.log(`a11y: ${checked} pages checked with axe-core (WCAG 2.1 A/AA), reflow at 320/640 px, requests`);
console.log(`a11y: ${checked - failedPages} passed, ${failedPages} failed`);
process.exit(failures ? 1 : 0);
