import { chromium } from 'playwright-core';
const [,, out, ...pages] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const spec of pages) {
  const [url, name, w, h] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: +w, height: +h } });
  await page.goto(url);
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(name, 'scrollWidth', sw, 'viewport', w);
  await page.close();
}
await browser.close();
