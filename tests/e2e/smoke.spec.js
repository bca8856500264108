// Smoke test: the release build loads from the local server alone, runs without errors, and shows
// the sample article. The guard fixture (helpers.js) fails the test on any request that would
// leave 127.0.0.1, any console error, page error or HTTP error.
'use strict';

const { test, expect } = require('./helpers');

test('the app loads offline and shows the sample article', async ({ page, guard, baseURL }) => {
  await page.goto('/');

  const article = page.getByRole('article').first();
  await expect(article).toBeVisible();
  await expect(article).toHaveText(/\S/);

  // The app itself came from the local server: the page, its script and its WebAssembly.
  const origin = new URL(baseURL).origin;
  const urls = guard.requests.map((r) => r.url);
  expect(urls[0]).toBe(`${origin}/`);
  expect(urls.some((u) => u.startsWith(origin) && u.endsWith('.wasm')), `no .wasm among ${urls.join(', ')}`).toBe(true);
  for (const url of urls) expect(new URL(url).origin, url).toBe(origin);

  guard.check();
});
