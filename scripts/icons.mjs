// Draws the toolbar icons (a white funnel on WeChat green) as PNGs into dist/icons at build time,
// so no binary image needs to live in git. A tiny PNG encoder: RGBA rows, deflate, CRC32.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** Coverage of pixel (x, y) by the icon's shapes, supersampled 4x4 for smooth edges. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const inRounded = (u, v) => {
    const r = 0.22;
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  };
  const inFunnel = (u, v) => {
    // A funnel: a wide top bar, a narrowing cone, a short stem.
    if (v >= 0.24 && v <= 0.32 && u >= 0.2 && u <= 0.8) return true;
    if (v > 0.32 && v <= 0.58) {
      const half = 0.3 - ((v - 0.32) / 0.26) * 0.22;
      return Math.abs(u - 0.5) <= half;
    }
    return v > 0.58 && v <= 0.8 && u >= 0.44 && u <= 0.56;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const u = (x + (sx + 0.5) / 4) / size;
          const v = (y + (sy + 0.5) / 4) / size;
          if (inRounded(u, v)) {
            bg++;
            if (inFunnel(u, v)) fg++;
          }
        }
      }
      const a = bg / 16;
      const f = bg ? fg / bg : 0;
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(7 + (255 - 7) * f);
      rgba[i + 1] = Math.round(193 + (255 - 193) * f);
      rgba[i + 2] = Math.round(96 + (255 - 96) * f);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

function png(size) {
  const rgba = draw(size);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function writeIcons(dir) {
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 48, 128]) writeFileSync(`${dir}/${size}.png`, png(size));
}
