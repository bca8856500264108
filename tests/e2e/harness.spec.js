// Tests of the test harness itself (helpers.js), on pages built in place with setContent, so
// they hold whatever state the app is in: the guard catches off-origin requests, selectText
// selects exactly the code points asked for by dragging the mouse, readDownload reads a file the
// page downloads, and spanCheck tells right offsets from wrong ones.
'use strict';

const { test, expect, selectText, readDownload, spanCheck, isAllowedUrl } = require('./helpers');

// Curly quotes, an accented letter, an astral emoji and a flag (two code points each outside the
// BMP): code points, UTF-16 units and UTF-8 bytes all differ.
const PARAS = ['“Café” is 🙂 here, she said.', 'Second line 🇫🇷 with “quotes”.'];
const TEXT = PARAS.join('\n');

test('isAllowedUrl admits only the local origin and page-local schemes', () => {
  const origin = 'http://127.0.0.1:8091';
  expect(isAllowedUrl('http://127.0.0.1:8091/app.wasm', origin)).toBe(true);
  expect(isAllowedUrl('ws://127.0.0.1:8091/ws', origin)).toBe(true);
  expect(isAllowedUrl('blob:http://127.0.0.1:8091/1234', origin)).toBe(true);
  expect(isAllowedUrl('data:text/plain,hi', origin)).toBe(true);
  expect(isAllowedUrl('http://127.0.0.1:8092/', origin)).toBe(false);
  expect(isAllowedUrl('http://localhost:8091/', origin)).toBe(false);
  expect(isAllowedUrl('https://fonts.example.invalid/a.woff2', origin)).toBe(false);
  expect(isAllowedUrl('ws://example.invalid/', origin)).toBe(false);
});

test.describe('the guard', () => {
  // The blocked requests below log console errors; they are provoked on purpose here.
  test.use({ allowConsoleErrors: [/ERR_BLOCKED_BY_CLIENT|blocked\.example\.invalid|Failed to fetch/] });

  // The app's own Content-Security-Policy already stops such requests before they are made, so
  // these tests use a same-origin page without one, answered by the test itself.
  const harnessPage = async (page) => {
    await page.route('/__harness', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><p>harness</p>' }),
    );
    await page.goto('/__harness');
  };

  test('records and blocks a request to another host', async ({ page, guard }) => {
    await harnessPage(page);
    // Aborted by the guard's route before any lookup; `.invalid` never resolves in any case.
    const outcome = await page.evaluate(() =>
      fetch('http://blocked.example.invalid/x').then(() => 'fetched', () => 'failed'),
    );
    expect(outcome).toBe('failed');
    expect(guard.takeOffOrigin()).toEqual(['http://blocked.example.invalid/x']);
  });

  test('fails the test at teardown when a request left the origin', async ({ page }) => {
    test.fail(true, 'the guard must turn an unnoticed off-origin request into a failure');
    await harnessPage(page);
    await page.evaluate(() => fetch('http://blocked.example.invalid/y').catch(() => null));
  });
});

test('launchProfile keeps a profile across a browser restart', async ({ launchProfile }) => {
  let { context, page } = await launchProfile();
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('newsmark-harness', 'kept'));
  await context.close();
  ({ context, page } = await launchProfile());
  await page.goto('/');
  expect(await page.evaluate(() => localStorage.getItem('newsmark-harness'))).toBe('kept');
  await context.close();
});

test('selectText drags the mouse over exactly the code points asked for', async ({ page }) => {
  await page.setContent(`<!doctype html><meta charset="utf-8">
    <body style="font: 20px/1.6 sans-serif; margin: 40px">
    <div role="article" id="a">${PARAS.map((p, i) => `<p data-cp="${[...PARAS.slice(0, i).join('\n')].length + (i ? 1 : 0)}">${p}</p>`).join('')}</div>`);
  const article = page.getByRole('article');
  const cps = [...TEXT];
  const L0 = [...PARAS[0]].length; // the line break is code point L0; the second line starts after it
  const cases = [
    [0, 6], // “Café”
    [1, 5], // Café, inside the quotes
    [10, 11], // the emoji alone
    [L0 + 1, L0 + 7], // "Second"
    [L0 + 13, L0 + 15], // the flag: two code points, one glyph
    [7, L0 + 7], // across the line break, which is not in the DOM
  ];
  for (const [start, end] of cases) {
    const { text, selection } = await selectText(page, article, start, end);
    // The text drawn for those code points: the line break is not in the DOM (data-cp skips it).
    expect(text, `${start}..${end}`).toBe(cps.slice(start, end).join('').replace('\n', ''));
    // The browser's selection text renders the paragraph break as a line break.
    expect(selection.replace(/\n+/g, ''), `${start}..${end}`).toBe(text);
  }
});

test('selectText counts code points over plain text nodes, line breaks included', async ({ page }) => {
  await page.setContent(`<!doctype html><meta charset="utf-8">
    <body style="font: 20px/1.6 sans-serif; margin: 40px">
    <div role="article" style="white-space: pre-wrap">${PARAS[0]}<b>\n</b>${PARAS[1]}</div>`);
  const article = page.getByRole('article');
  const cps = [...TEXT];
  const L0 = [...PARAS[0]].length;
  for (const [start, end] of [[10, 11], [7, L0 + 7], [L0 + 13, L0 + 15]]) {
    const { text, selection } = await selectText(page, article, start, end);
    expect(text).toBe(cps.slice(start, end).join(''));
    expect(selection).toBe(text);
  }
});

test('readDownload returns the bytes of a file the page downloads', async ({ page }) => {
  await page.setContent(`<!doctype html><meta charset="utf-8"><button id="b">Export</button>
    <script>
      document.getElementById('b').onclick = () => {
        const blob = new Blob([JSON.stringify({ text: ${JSON.stringify(TEXT)} })], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'export.json';
        a.click();
      };
    </script>`);
  const file = await readDownload(page, page.locator('#b'));
  expect(file.name).toBe('export.json');
  expect(file.json()).toEqual({ text: TEXT });
});

test('spanCheck accepts right offsets and rejects wrong ones', () => {
  const text = TEXT;
  const span = (start, end) => {
    const cps = [...text];
    const before = cps.slice(0, start).join('');
    const inner = cps.slice(start, end).join('');
    return {
      start,
      end,
      text: inner,
      utf16: { start: before.length, end: before.length + inner.length },
      utf8: { start: Buffer.byteLength(before), end: Buffer.byteLength(before) + Buffer.byteLength(inner) },
    };
  };
  const good = { documents: [{ id: 'a', text, spans: [span(0, 6), span(10, 11), span(41, 43)] }] };
  expect(spanCheck(good)).toBe(3);

  const utf16AsCp = structuredClone(good);
  utf16AsCp.documents[0].spans[2].utf16 = { start: 41, end: 43 };
  expect(() => spanCheck(utf16AsCp)).toThrow(/UTF-16/);

  const bytesOff = structuredClone(good);
  bytesOff.documents[0].spans[0].utf8.end -= 1;
  expect(() => spanCheck(bytesOff)).toThrow(/UTF-8/);

  const noUtf8 = structuredClone(good);
  delete noUtf8.documents[0].spans[1].utf8;
  expect(() => spanCheck(noUtf8)).toThrow(/no UTF-8/);
  expect(spanCheck(noUtf8, { requireUtf8: false })).toBe(3);
});
