// Phone layout in headless Chromium (Debian's, never a downloaded one), at 360 × 800, on every
// page type in both languages (home, units, unit, report, years, year, data, search, 404 and
// any other top-level page such as the glossary):
// - the page never scrolls sideways: document.documentElement.scrollWidth <= innerWidth;
// - no table cell (td/th) with text is narrower than 4 characters (4 × its font size);
// - no chart (an svg in .chart or a figure) is wider than the viewport.
// - a table box that scrolls sideways shows its "scroll for more" words; one that fits does not.
// On a large site it checks a sample of each kind: the first, the largest files and a few
// spread between them.
//
//   node phone.mjs SITE_DIR BASE_PATH [--verbose]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const [siteArg, basePath = '/'] = args.filter((a) => !a.startsWith('--'));
const root = path.resolve(siteArg);
const WIDTH = 360;
const PER_KIND = 6;

// Every page below the root, as `parks/x/index.html`, sorted.
function pagesOf(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...pagesOf(dir, r));
    else if (e.name.endsWith('.html')) out.push(r);
  }
  return out;
}
const kinds = [
  ['home', /^index\.html$/], ['parks', /^parks\/index\.html$/], ['unit', /^parks\/[^/]+\/index\.html$/],
  ['report', /^parks\/[^/]+\/[^/]+\/index\.html$/], ['years', /^years\/index\.html$/],
  ['year', /^years\/[^/]+\/index\.html$/], ['data', /^data\/index\.html$/], ['search', /^search\/index\.html$/],
  ['404', /^404\.html$/],
];
const byKind = new Map();
for (const rel of pagesOf(root)) {
  const lang = rel.startsWith('en/') ? 'en/' : '';
  const local = rel.slice(lang.length);
  if (!lang && local.startsWith('en/')) continue;
  let kind = (kinds.find(([, re]) => re.test(local)) || [])[0];
  // Any other page at the top (the glossary, an about page) is its own kind.
  if (!kind && /^[^/]+\/index\.html$/.test(local)) kind = local.split('/')[0];
  if (!kind) continue;
  const key = `${kind} ${lang || 'zh/'}`;
  if (!byKind.has(key)) byKind.set(key, []);
  byKind.get(key).push(rel);
}
// A sample of each kind: the first, the largest and a few spread between them.
function sample(list) {
  if (list.length <= PER_KIND) return list;
  const size = (r) => fs.statSync(path.join(root, r)).size;
  const largest = [...list].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1)).slice(0, 3);
  const spread = [0, 1, 2].map((i) => list[Math.floor((i * (list.length - 1)) / 2)]);
  return [...new Set([...spread, ...largest])];
}

const server = await serve(root, basePath);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 } });
const page = await context.newPage();
let failures = 0;
let checked = 0;
const fail = (msg) => { failures++; console.log(`FAIL ${msg}`); };
const summary = [];

for (const [kind, list] of [...byKind.entries()].sort()) {
  const worst = { scroll: 0, cell: Infinity, cellText: '', chart: 0, cues: 0 };
  for (const rel of sample(list)) {
    const url = `${origin}${basePath}${rel.replace(/index\.html$/, '')}`;
    const res = await page.goto(url, { waitUntil: 'load' });
    if (!res || (res.status() !== 200 && kind.split(' ')[0] !== '404')) fail(`${url}: HTTP ${res && res.status()}`);
    if (kind.startsWith('search')) {
      // The results, as a phone shows them, for a query that finds many.
      await page.goto(`${url}?q=${encodeURIComponent(rel.startsWith('en/') ? 'park' : '园区')}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '', null, { timeout: 10000 }).catch(() => {});
    }
    // Open every chart's table of numbers: those tables must fit too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    // Let the opened boxes lay out and their scroll timelines (the cue) update.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await page.evaluate(() => {
      const vw = window.innerWidth;
      const cells = [];
      for (const c of document.querySelectorAll('td, th')) {
        if (!c.textContent.trim()) continue;
        const r = c.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not rendered (a visually hidden head)
        const cs = getComputedStyle(c);
        if (cs.position === 'absolute' && r.width <= 1) continue;
        let hidden = false;
        for (let e = c; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (s.clip === 'rect(0px, 0px, 0px, 0px)' || (s.position === 'absolute' && e.getBoundingClientRect().width <= 1)) { hidden = true; break; }
        }
        if (hidden) continue;
        const em = parseFloat(cs.fontSize);
        cells.push({ w: r.width, min: 4 * em, text: c.textContent.trim().slice(0, 30) });
      }
      const charts = [...document.querySelectorAll('.chart svg, figure svg')].map((s) => {
        const r = s.getBoundingClientRect();
        return { w: r.width, right: r.right, left: r.left, id: s.getAttribute('aria-labelledby') || '' };
      });
      // A table box that scrolls says so in words above the table; one that fits does not.
      const cues = [...document.querySelectorAll('.table-scroll')].filter((b) => b.getClientRects().length > 0).map((b) => ({
        scrolls: b.scrollWidth > b.clientWidth + 1,
        cue: parseFloat(getComputedStyle(b, '::before').fontSize) > 0 && getComputedStyle(b, '::before').content !== 'none',
        id: b.getAttribute('aria-labelledby') || b.getAttribute('aria-label') || '',
      }));
      return { vw, scrollWidth: document.documentElement.scrollWidth, cells, charts, cues };
    });
    for (const c of m.cues) {
      if (c.scrolls && !c.cue) fail(`${rel}: table "${c.id}" scrolls sideways with no "scroll for more" cue`);
      if (!c.scrolls && c.cue) fail(`${rel}: table "${c.id}" fits yet shows the scroll cue`);
      if (c.scrolls) worst.cues++;
    }
    const shortRel = rel;
    if (m.scrollWidth > m.vw) fail(`${shortRel}: scrollWidth ${m.scrollWidth} > innerWidth ${m.vw}`);
    worst.scroll = Math.max(worst.scroll, m.scrollWidth);
    for (const c of m.cells) {
      if (c.w + 0.5 < c.min) fail(`${shortRel}: cell "${c.text}" is ${c.w.toFixed(1)}px wide, under 4em (${c.min}px)`);
      if (c.w < worst.cell) { worst.cell = c.w; worst.cellText = c.text; }
    }
    for (const c of m.charts) {
      if (c.w > m.vw + 0.5 || c.right > m.vw + 0.5 || c.left < -0.5) fail(`${shortRel}: chart ${c.id} is ${c.w.toFixed(1)}px wide (${c.left.toFixed(1)}–${c.right.toFixed(1)}), viewport ${m.vw}`);
      worst.chart = Math.max(worst.chart, c.w);
    }
    checked++;
  }
  const cell = worst.cell === Infinity ? 'no table cells' : `narrowest cell ${worst.cell.toFixed(1)}px ("${worst.cellText}")`;
  summary.push(`${kind.padEnd(12)} ${String(sample(list).length).padStart(2)} of ${String(list.length).padStart(3)} pages: scrollWidth ≤ ${worst.scroll}, ${cell}, widest chart ${worst.chart ? worst.chart.toFixed(1) + 'px' : 'none'}, ${worst.cues} scrolling tables with their cue`);
}
await browser.close();
server.close();
if (verbose || failures) for (const s of summary) console.log(`phone: ${s}`);
console.log(`phone: ${checked} pages at ${WIDTH}px: ${failures} failures`);
process.exit(failures ? 1 : 0);
