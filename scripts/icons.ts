/**
 * Quire's application icons, drawn in code (nothing downloaded): the favicon's white "Q" on a
 * blue rounded square, written as build/icon.png (512×512, Linux and the source of the others),
 * build/icon.ico (Windows) and build/icon.icns (macOS).
 *
 *   npx tsx scripts/icons.ts          rewrite the files in build/
 *
 * The shapes are signed distance functions, sampled 4×4 per pixel for smooth edges. PNGs are
 * written with node:zlib, every row unfiltered, so that a test can read them back without a
 * PNG library.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

/** The folder electron-builder takes icons from (`directories.buildResources`). */
export const BUILD_DIR = resolve(import.meta.dirname, '..', 'build');

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x1a, 0x56, 0xa8];
const PAPER: Rgb = [0xfb, 0xfa, 0xf7];

/** Distance from p to a rounded square of half-size h and corner radius r, centred on 0 (negative inside). */
function roundedSquare(x: number, y: number, h: number, r: number): number {
  const qx = Math.abs(x) - h + r;
  const qy = Math.abs(y) - h + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from p to the segment a–b, minus half its width. */
function stroke(x: number, y: number, ax: number, ay: number, bx: number, by: number, halfWidth: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - halfWidth;
}

/**
 * The colour at a point of the unit icon ([-1, 1]², y down), or undefined outside it.
 *
 * The geometry follows src/renderer/public/favicon.svg (a 64-unit square): rounded corners of
 * 12, a ring of radius 16.3 and width 7 centred at (32, 32), and a tail towards the lower right.
 */
function colourAt(x: number, y: number): Rgb | undefined {
  const unit = 1 / 32;
  if (roundedSquare(x, y, 1, 12 * unit) > 0) return undefined;
  const ring = Math.abs(Math.hypot(x / 1.0, y / 1.04) - 16.3 * unit) - 3.5 * unit;
  const tail = stroke(x, y, 11.5 * unit, 11.5 * unit, 17.5 * unit, 17.5 * unit, 3.3 * unit);
  return Math.min(ring, tail) <= 0 ? PAPER : BLUE;
}

/**
 * Draw the icon as RGBA pixels, row by row.
 *
 * @param size width and height in pixels
 */
export function drawIcon(size: number): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          const c = colourAt(x, y);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        pixels[i] = Math.round(r / covered);
        pixels[i + 1] = Math.round(g / covered);
        pixels[i + 2] = Math.round(b / covered);
        pixels[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The PNG signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encode RGBA pixels as an 8-bit RGBA PNG, rows unfiltered. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`icons: ${rgba.length} bytes of pixels for ${width}×${height}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method choice, no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A Windows .ico holding PNG images (Vista and later read them), largest last. */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    if (size > 256) throw new Error(`icons: an .ico image is at most 256 pixels, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** The icns type of a PNG of each size macOS reads. */
export const ICNS_TYPES: Readonly<Record<number, string>> = { 32: 'ic11', 64: 'ic12', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

/** A macOS .icns holding PNG images. */
export function encodeIcns(images: readonly { size: number; png: Buffer }[]): Buffer {
  const parts = images.map(({ size, png }) => {
    const type = ICNS_TYPES[size];
    if (!type) throw new Error(`icons: no icns type for ${size} pixels`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Every icon file, by name in build/. */
export function iconFiles(): Map<string, Buffer> {
  const png = (size: number): { size: number; png: Buffer } => ({ size, png: encodePng(size, size, drawIcon(size)) });
  const images = [32, 64, 128, 256, 512].map(png);
  return new Map([
    ['icon.png', images.find((i) => i.size === 512)!.png],
    ['icon.ico', encodeIco(images.filter((i) => i.size <= 256))],
    ['icon.icns', encodeIcns(images)],
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(BUILD_DIR, { recursive: true });
  for (const [name, data] of iconFiles()) {
    writeFileSync(join(BUILD_DIR, name), data);
    console.log(`build/${name}  ${data.length} bytes`);
  }
}
