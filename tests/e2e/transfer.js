// Reads the entries of a zip the app wrote, for the privacy and hostile-input specs: the central
// directory's names, and each entry stored or deflated. Node's standard library only.
'use strict';

const zlib = require('node:zlib');

/** The entries of the zip in `buf`: { name: Buffer }. */
function unzip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('unzip: no end of central directory');
  const out = {};
  let at = buf.readUInt32LE(end + 16);
  for (let i = buf.readUInt16LE(end + 10); i > 0; i--) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('unzip: a bad central directory entry');
    const [method, size, nameLength] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 20), buf.readUInt16LE(at + 28)];
    const local = buf.readUInt32LE(at + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    out[buf.toString('utf8', at + 46, at + 46 + nameLength)] = method === 8 ? zlib.inflateRawSync(raw) : raw;
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

module.exports = { unzip };
