// Saving a chart as an .svg file (SITE=… BASE=…, headless Chromium): the site writes each chart
// once, inline in its page, and the page script makes the file on request. Checks, in both
// languages, on a report page and on http and file:// alike:
// - with JavaScript, every chart's button shows, and clicking it downloads `<chart id>.svg`:
//   an XML declaration, an <svg> that parses as XML with the page's language, its title and
//   description, and the chart styles (font stack, colours) inside;
// - without JavaScript the buttons stay hidden (and the chart and its table are still there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';

const site = process.env.SITE && path.resolve(process.env.SITE);
const base = process.env.BASE || '/';
const page = 'parks/wangcheng/2019/';

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/// Clicks every save button of the page at `url`; returns the saved files as { name, text }.
async function saveAll(browser, url) {
  const context = await browser.newContext({ acceptDownloads: true });
  const p = await context.newPage();
  await p.goto(url);
  const buttons = p.locator('button.chart-save');
  const n = await buttons.count();
  const files = [];
  for (let i = 0; i < n; i++) {
    const button = buttons.nth(i);
    assert.ok(await button.isVisible(), `${url}: button ${i} hidden with JavaScript on`);
    const [download] = await Promise.all([p.waitForEvent('download'), button.click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    // The browser's own XML parser, as an image viewer or editor would read the file.
    const parsed = await p.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        tag: root.localName,
        lang: root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
        title: root.querySelector('title')?.textContent || '',
        desc: root.querySelector('desc')?.textContent || '',
        style: root.querySelector('style')?.textContent || '',
      };
    }, text);
    files.push({ name: download.suggestedFilename(), text, parsed });
  }
  await context.close();
  return files;
}

test('charts save as .svg files, made in the page', { skip: !site }, async () => {
  const server = await serve(site, base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  try {
    for (const [lang, htmlLang] of [['', 'zh-CN'], ['en/', 'en']]) {
      const html = fs.readFileSync(path.join(site, lang, page, 'index.html'), 'utf8');
      const ids = [...html.matchAll(/data-file="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(ids.length >= 4, `${lang}${page}: ${ids.length} charts`);
      for (const url of [`${origin}${base}${lang}${page}`, pathToFileURL(path.join(site, lang, page, 'index.html')).href]) {
        const files = await saveAll(browser, url);
        assert.deepEqual(files.map((f) => f.name), ids, url);
        for (const f of files) {
          assert.ok(f.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg'), `${f.name}: ${f.text.slice(0, 60)}`);
          assert.ok(!f.parsed.error, `${f.name} is not well-formed XML`);
          assert.equal(f.parsed.tag, 'svg');
          assert.equal(f.parsed.lang, htmlLang, f.name);
          assert.ok(f.parsed.title.length > 0 && f.parsed.desc.length > 10, f.name);
          assert.ok(f.parsed.style.includes('Noto Sans CJK SC') && f.parsed.style.includes('--c1:'), `${f.name}: styles`);
        }
      }
    }
    // Without JavaScript: no button to press, the chart and its table are there.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${origin}${base}${page}`);
    assert.equal(await p.locator('button.chart-save:visible').count(), 0);
    assert.ok(await p.locator('figure.chart svg').count() >= 4);
    assert.ok(await p.locator('figure.chart details table').count() >= 4);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
});
