#!/usr/bin/env node
/**
 * Draws the app icon — a seedling on a teal rounded square, for "incubation" — and writes it
 * twice from the same geometry: build/icon.svg and build/icon.png (512×512, what
 * electron-builder turns into .ico, .icns and the Linux icon set). No image tools needed:
 * the PNG is rasterised here with 4×4 supersampling and encoded with zlib.
 *
 * Usage: node build/make-icon.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const here = path.dirname(fileURLToPath(import.meta.url));

// --- Geometry (in 512-unit icon space). --------------------------------------------------

const tile = { x: 32, y: 32, size: 448, radius: 100 };
const gradient = { top: [20, 184, 166], bottom: [15, 118, 110] }; // teal-500 → teal-700
const white = [255, 255, 255];

/** A leaf is the lens between two circles of radius r through its tip points a and b. */
const leaves = [
  { a: [256, 262], b: [150, 196], r: 88 },
  { a: [256, 230], b: [378, 140], r: 106 },
];
/** Stem and ground: round-capped strokes. */
const strokes = [
  { from: [256, 372], to: [256, 236], width: 24 },
  { from: [176, 384], to: [336, 384], width: 24 },
];

// --- Shapes as point tests. ------------------------------------------------------------

function insideTile(x, y) {
  const { x: tx, y: ty, size, radius } = tile;
  if (x < tx || y < ty || x > tx + size || y > ty + size) return false;
  const cx = Math.min(Math.max(x, tx + radius), tx + size - radius);
  const cy = Math.min(Math.max(y, ty + radius), ty + size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Both circle centres of a leaf: on the perpendicular bisector of ab, either side. */
function leafCentres({ a, b, r }) {
  const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const half = Math.hypot(dx, dy) / 2;
  const offset = Math.sqrt(r * r - half * half);
  const [nx, ny] = [-dy / (2 * half), dx / (2 * half)];
  return [
    [mx + nx * offset, my + ny * offset],
    [mx - nx * offset, my - ny * offset],
  ];
}
const leafCircles = leaves.map((leaf) => ({ r: leaf.r, centres: leafCentres(leaf) }));

function insideLeaf(x, y) {
  return leafCircles.some(({ r, centres }) => centres.every(([cx, cy]) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r));
}

function insideStroke(x, y) {
  return strokes.some(({ from, to, width }) => {
    const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
    const t = Math.max(0, Math.min(1, ((x - from[0]) * dx + (y - from[1]) * dy) / (dx * dx + dy * dy)));
    return (x - (from[0] + t * dx)) ** 2 + (y - (from[1] + t * dy)) ** 2 <= (width / 2) ** 2;
  });
}

// --- Raster. ---------------------------------------------------------------------------

function render() {
  const samples = 4;
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    const t = Math.min(1, Math.max(0, (py - tile.y) / tile.size));
    const background = gradient.top.map((c, i) => c + (gradient.bottom[i] - c) * t);
    for (let px = 0; px < SIZE; px++) {
      let tileHits = 0;
      let markHits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          if (!insideTile(x, y)) continue;
          tileHits++;
          if (insideLeaf(x, y) || insideStroke(x, y)) markHits++;
        }
      }
      const offset = (py * SIZE + px) * 4;
      if (tileHits === 0) continue;
      const mark = markHits / tileHits;
      for (let i = 0; i < 3; i++) pixels[offset + i] = Math.round(background[i] * (1 - mark) + white[i] * mark);
      pixels[offset + 3] = Math.round((255 * tileHits) / (samples * samples));
    }
  }
  return pixels;
}

// --- PNG encoding. ---------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- SVG from the same geometry. -------------------------------------------------------

function svg() {
  const rgb = (c) => `rgb(${c.join(',')})`;
  const leafPaths = leaves
    .map(
      ({ a, b, r }) =>
        `  <path d="M${a[0]} ${a[1]} A${r} ${r} 0 0 1 ${b[0]} ${b[1]} A${r} ${r} 0 0 1 ${a[0]} ${a[1]}Z" fill="#fff"/>`,
    )
    .join('\n');
  const strokeLines = strokes
    .map(
      ({ from, to, width }) =>
        `  <line x1="${from[0]}" y1="${from[1]}" x2="${to[0]}" y2="${to[1]}" stroke="#fff" stroke-width="${width}" stroke-linecap="round"/>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <title>Incubator Desk</title>
  <defs>
    <linearGradient id="tile" x1="0" y1="${tile.y}" x2="0" y2="${tile.y + tile.size}" gradientUnits="userSpaceOnUse">
      <stop offset="0" stop-color="${rgb(gradient.top)}"/>
      <stop offset="1" stop-color="${rgb(gradient.bottom)}"/>
    </linearGradient>
  </defs>
  <rect x="${tile.x}" y="${tile.y}" width="${tile.size}" height="${tile.size}" rx="${tile.radius}" fill="url(#tile)"/>
${leafPaths}
${strokeLines}
</svg>
`;
}

fs.writeFileSync(path.join(here, 'icon.png'), encodePng(render()));
fs.writeFileSync(path.join(here, 'icon.svg'), svg());
console.log('make-icon: wrote build/icon.png (512×512) and build/icon.svg');
