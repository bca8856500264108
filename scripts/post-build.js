#!/usr/bin/env node
// Trunk's one post-build hook (Trunk.toml), for every build, release or debug, `trunk build` or
// `trunk serve`. Trunk starts the hooks of a stage all at once, so this one runs the steps in order:
//   1. scripts/minify-page-glue.js (release builds only): minifies the page's wasm-bindgen script
//      and updates its integrity hash.
//   2. Takes every inline <script> out of index.html, so that the page's Content-Security-Policy
//      allows no inline script (`script-src 'self' 'wasm-unsafe-eval'`; ARCHITECTURE.md, "What the
//      page may load"):
//      - trunk's wasm start-up (`import init from '/newsmark-app-….js'; await init(…)`) becomes
//        the last statement of that very script, which index.html then loads with `src` and its
//        new integrity hash: no file and no request more than before, and the page-size figures
//        count it;
//      - `trunk serve`'s live-reload client becomes a file of its own, `trunk-autoreload-<hash>.js`.
//        Trunk fills the client's address in when it serves index.html, which it no longer can once
//        the client is a file, so the file reads the address from the page's location, as trunk
//        itself does when it does not know the host.
//
// Why: trunk 0.21 always writes the start-up as an inline `<script type="module">` (trunk issue
// 288), and a page that allows inline scripts runs any script an escaping bug lets in.
//
// Must never: leave an inline script in index.html, or a hash that does not match its file (the
// browser would refuse the script). It exits non-zero, and so fails the build, when anything is
// not as expected.
'use strict';

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) fail('TRUNK_STAGING_DIR is not set: run this as a trunk hook');

execFileSync(process.execPath, [path.join(__dirname, 'minify-page-glue.js')], { stdio: 'inherit' });

const html = path.join(stage, 'index.html');
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
const sha384 = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

let index = fs.readFileSync(html, 'utf8');
const hashes = []; // [old, new] integrity of a script changed here
let started = 0;
index = index.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (whole, attrs, body) => {
  if (/\ssrc\s*=/i.test(attrs)) return whole;
  if (body.includes('{{__TRUNK_ADDRESS__}}')) return ownFile(body);
  if (/\stype\s*=\s*["']?module\b/i.test(attrs) && body.includes('TrunkApplicationStarted')) {
    started++;
    return intoPageScript(body);
  }
  fail(`an inline script this hook does not know: ${whole.slice(0, 120)}`);
});
if (started !== 1) fail(`expected one inline start-up script in index.html, found ${started}`);
for (const [was, now] of hashes) {
  if (!index.includes(was)) fail(`index.html holds no integrity ${was}`);
  index = index.split(was).join(now);
}
if (/<script\b(?![^>]*\ssrc\s*=)[^>]*>/i.test(index)) fail('index.html still holds an inline script');
fs.writeFileSync(html, index);
console.log('post-build: index.html holds no inline script');

/**
 * Appends trunk's start-up to the page's wasm-bindgen script (an ES module, whose default export
 * is wasm-bindgen's `init`) and returns the tag that loads that script.
 */
function intoPageScript(body) {
  const from = /import\s+\w+\s+from\s*["']([^"']+)["']/.exec(body);
  const wasm = /module_or_path\s*:\s*(["'])([^"']+)\1/.exec(body);
  if (!from || !wasm || !from[1].startsWith(base)) fail(`a start-up script of an unknown shape: ${body.slice(0, 200)}`);
  const url = from[1];
  const file = path.join(stage, url.slice(base.length));
  const before = fs.readFileSync(file, 'utf8');
  const exported = /export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b/.exec(before);
  if (!exported) fail(`${url} has no \`export { … as default }\` to start with`);
  // wasm-bindgen's `init` loads, by default, its wasm's original name beside the script; trunk
  // gave the wasm a hashed name. Naming that in the default (rather than passing the path to
  // `init`) keeps the start-up statement short.
  const wasmName = path.posix.basename(wasm[2]);
  const stem = path.basename(file, '.js').replace(/-[0-9a-f]+$/, '');
  const original = new RegExp(`(["'])${stem}_bg\\.wasm\\1`, 'g');
  if (!wasmName.endsWith('_bg.wasm') || (before.match(original) || []).length !== 1) fail(`${url} does not name ${stem}_bg.wasm once`);
  // One statement, no new name: the script's own top-level names are minified and may be any.
  const after = `${before.replace(original, JSON.stringify(wasmName))}\ndispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:await ${exported[1]}()}}));\n`;
  fs.writeFileSync(file, after);
  const integrity = sha384(after);
  hashes.push([sha384(before), integrity]);
  return `<script type="module" src="${url}" integrity="${integrity}"></script>`;
}

/** Trunk's live-reload client, with the values trunk fills in, as a file of its own. */
function ownFile(body) {
  const text = body
    .replace(/(['"`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .split('{{__TRUNK_WS_BASE__}}')
    .join(base);
  const name = `trunk-autoreload-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(stage, name), text);
  return `<script src="${base}${name}" integrity="${sha384(text)}"></script>`;
}

function fail(why) {
  console.error(`post-build: ${why}`);
  process.exit(1);
}
