// The README's screenshot: the sample article a fresh profile opens with, one span selected so
// the span editor shows, at 1400×900. Written to docs/screenshot.png when NEWSMARK_SCREENSHOT is
// unset or "1"; with any other value it goes to the test's output directory instead.
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const { test, expect, openApp, spanEditor, listEntry, expectPainted, expectSaved } = require('./support');

test.use({ viewport: { width: 1400, height: 900 } });

const QUOTE = '“We are not going to balance the harbour budget on the backs of people who cross the water to get to work,”';

test('screenshot of the sample article with a span selected', async ({ page }, testInfo) => {
  await openApp(page);
  await expectPainted(page, {
    claim: ['ridership fell by 7 percent in 2025'],
    demand: ['freeze fares for two years'],
    quote: [QUOTE],
    opinion: ['postponing the inevitable and making it more painful'],
  });
  await listEntry(page, 'quote', QUOTE).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(QUOTE);
  await expect(spanEditor(page).getByRole('textbox', { name: 'Speaker', exact: true })).toHaveValue('Ines Carvalho');
  await expectSaved(page);
  // Fonts and the highlight paint settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const env = process.env.NEWSMARK_SCREENSHOT;
  const target = env === undefined || env === '1'
    ? path.join(__dirname, '..', '..', 'docs', 'screenshot.png')
    : testInfo.outputPath('screenshot.png');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const png = await page.screenshot({ path: target });
  // A PNG of the viewport's size.
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1400);
  expect(png.readUInt32BE(20)).toBe(900);
});
