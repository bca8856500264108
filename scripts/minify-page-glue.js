#!/usr/bin/env node
// Run first by trunk's post-build hook (scripts/post-build.js): minifies the page's wasm-bindgen
// script in a release build, and puts its new hash into index.html's integrity attribute.
//
// Why: trunk minifies the scripts it writes, but its minifier cannot parse the ES module
// wasm-bindgen writes for the page (it stops at `export { … as default }`) and leaves it whole:
// 62 KB, 10 KB of gzip. esbuild (an npm package the set-up already installs) makes it 28 KB,
// 8 KB of gzip. The workers' scripts are not modules, and trunk minifies those itself.
//
// Must never: run on a debug build (TRUNK_PROFILE says which), or leave a hash in index.html
// that does not match its file (the browser would refuse the script). It exits non-zero, and so
// fails the build, when anything is not as expected.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) fail('TRUNK_STAGING_DIR is not set: run this as a trunk hook');

const html = path.join(stage, 'index.html');
const page = fs.readdirSync(stage).filter((f) => /^newsmark-app(-[0-9a-f]+)?\.js$/.test(f));
if (page.length !== 1) fail(`expected one newsmark-app*.js in ${stage}, found ${page.length}`);
const script = path.join(stage, page[0]);

const sha384 = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const before = fs.readFileSync(script);
const after = Buffer.from(
  require('esbuild').transformSync(before.toString('utf8'), { minify: true, format: 'esm', legalComments: 'none' }).code,
);

let index = fs.readFileSync(html, 'utf8');
const [was, now] = [sha384(before), sha384(after)];
if (!index.includes(was)) fail(`index.html holds no integrity ${was} for ${page[0]}`);
index = index.split(was).join(now);

fs.writeFileSync(script, after);
fs.writeFileSync(html, index);
console.log(`minify-page-glue: ${page[0]} ${before.length} → ${after.length} bytes`);

function fail(why) {
  console.error(`minify-page-glue: ${why}`);
  process.exit(1);
}
