#!/usr/bin/env node
// A tiny static file server for the end-to-end tests: serves the release build in dist/ on
// 127.0.0.1 only, at NEWSMARK_E2E_PORT (default 8091), with the right MIME types (WebAssembly
// must be application/wasm for streaming compilation), no caching, and plain 404s.
// Node's standard library only. The directory can be changed with NEWSMARK_E2E_DIST. Paths under
// /faults/ are served from the build with test-only faults, dist-faults/ (NEWSMARK_E2E_FAULTS_DIST),
// which the panic tests load.
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(process.env.NEWSMARK_E2E_DIST || path.join(__dirname, '..', '..', 'dist'));
const faultsRoot = path.resolve(process.env.NEWSMARK_E2E_FAULTS_DIST || path.join(__dirname, '..', '..', 'dist-faults'));
const FAULTS = '/faults';
const port = Number(process.env.NEWSMARK_E2E_PORT || 8091);
const host = '127.0.0.1';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
};

function send(res, status, headers, body, head) {
  res.writeHead(status, {
    'Cache-Control': 'no-store, max-age=0',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(head ? undefined : body);
}

function notFound(res, head, what) {
  send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `404 not found: ${what}\n`, head);
}

const server = http.createServer((req, res) => {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, '405 method not allowed\n', head);
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, `http://${host}`).pathname);
  } catch {
    send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, '400 bad request\n', head);
    return;
  }
  if (pathname.includes('\0')) {
    notFound(res, head, pathname);
    return;
  }
  const faults = pathname === FAULTS || pathname.startsWith(FAULTS + '/');
  const base = faults ? faultsRoot : root;
  if (faults) pathname = pathname.slice(FAULTS.length) || '/';
  // Resolve inside the root and refuse anything that escapes it (.., symlinks are not followed out).
  let file = path.resolve(base, '.' + path.posix.normalize('/' + pathname));
  if (file !== base && !file.startsWith(base + path.sep)) {
    notFound(res, head, pathname);
    return;
  }
  fs.stat(file, (err, st) => {
    if (!err && st.isDirectory()) {
      file = path.join(file, 'index.html');
      try {
        st = fs.statSync(file);
      } catch {
        notFound(res, head, pathname);
        return;
      }
    } else if (err) {
      notFound(res, head, pathname);
      return;
    }
    if (!st.isFile()) {
      notFound(res, head, pathname);
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Content-Length': String(st.size) };
    if (head) {
      send(res, 200, headers, null, true);
      return;
    }
    res.writeHead(200, { 'Cache-Control': 'no-store, max-age=0', 'X-Content-Type-Options': 'nosniff', ...headers });
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
});

server.on('error', (err) => {
  console.error(`serve-dist: ${err.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve-dist: warning: ${root}/index.html does not exist (build the app first)`);
  }
  console.log(`serve-dist: serving ${root} on http://${host}:${port}/`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
