/**
 * The packaging configuration, checked where `npm run dist` cannot run (no Electron binary): it
 * is valid for electron-builder's own schema, builds the four targets with the app id and icons,
 * flips the fuses, and puts the library where src/main looks for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILD_DIR, drawIcon, iconFiles, ICNS_TYPES, PNG_SIGNATURE } from './icons';

const ROOT = join(import.meta.dirname, '..');
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');
const SCHEMA_FILE = join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json');

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string }[];
  files: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  directories: { buildResources: string; output: string };
};
const config = parse(readFileSync(CONFIG_FILE, 'utf8')) as Config;

function validator(): (data: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${CONFIG_FILE}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`));
}

/** Width and height of a PNG, from its IHDR. */
function pngSize(png: Buffer, file: string): [number, number] {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file}: not a PNG`);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** The RGBA pixels of a PNG written by scripts/icons.ts (8-bit RGBA, rows unfiltered). */
function pngPixels(png: Buffer, file: string): Buffer {
  const [width, height] = pngSize(png, file);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + width * 4;
  expect(raw.length, `${file}: pixel data length`).toBe(height * stride);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride], `${file}: row ${y} filter`).toBe(0);
    rows.push(raw.subarray(y * stride + 1, (y + 1) * stride));
  }
  return Buffer.concat(rows);
}

/** The PNG images in an icon file (.png, .ico or .icns) with their sizes. */
function embeddedImages(name: string, data: Buffer): { size: number; png: Buffer }[] {
  if (name.endsWith('.png')) return [{ size: pngSize(data, name)[0], png: data }];
  if (name.endsWith('.ico')) {
    return Array.from({ length: data.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const offset = data.readUInt32LE(entry + 12);
      return { size: data.readUInt8(entry) || 256, png: data.subarray(offset, offset + data.readUInt32LE(entry + 8)) };
    });
  }
  const images: { size: number; png: Buffer }[] = [];
  for (let at = 8; at < data.length; at += data.readUInt32BE(at + 4)) {
    const png = data.subarray(at + 8, at + data.readUInt32BE(at + 4));
    images.push({ size: pngSize(png, name)[0], png });
  }
  return images;
}

describe('electron-builder.yml', () => {
  const validate = validator();

  it("is valid for electron-builder's schema", () => {
    expect(validate(config)).toEqual([]);
  });

  it('is checked by a schema that would catch a mistake', () => {
    expect(validate({ ...config, appid: 'typo' }).join('\n')).toMatch(/must NOT have additional properties/);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }).join('\n')).toMatch(/electronFuses\/runAsNode: must be boolean/);
  });

  it('names the app and builds AppImage and deb, dmg, and nsis', () => {
    expect(config.appId).toBe('app.quire.reader');
    expect(config.productName).toBe('Quire');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs only the built app into app.asar, and the library beside it where src/main reads it', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*']);
    expect(config.extraResources).toEqual([{ from: 'out/library', to: 'library' }]);
    expect(readFileSync(join(ROOT, 'src', 'main', 'index.ts'), 'utf8')).toContain("join(process.resourcesPath, 'library')");
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('points at icons that exist, of the sizes each platform needs', () => {
    expect(join(ROOT, config.directories.buildResources)).toBe(BUILD_DIR);
    const icon = (name: string): Buffer => {
      const file = join(ROOT, name);
      expect(existsSync(file), `${file} is missing: run npx tsx scripts/icons.ts`).toBe(true);
      return readFileSync(file);
    };
    expect(pngSize(icon(config.linux.icon), config.linux.icon)).toEqual([512, 512]);

    const ico = icon(config.win.icon);
    expect(ico.readUInt16LE(2), `${config.win.icon}: type`).toBe(1);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(icoSizes, `${config.win.icon}: sizes`).toContain(256);

    const icns = icon(config.mac.icon);
    expect(icns.toString('ascii', 0, 4), `${config.mac.icon}: magic`).toBe('icns');
    expect(icns.readUInt32BE(4), `${config.mac.icon}: length`).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('ascii', at, at + 4));
    expect(types, `${config.mac.icon}: images`).toContain(ICNS_TYPES[512]);
  });

  it('ships the icons scripts/icons.ts draws, in every size', () => {
    const rerun = 'differs from scripts/icons.ts: run npx tsx scripts/icons.ts';
    for (const [name, generated] of iconFiles()) {
      const shipped = embeddedImages(name, readFileSync(join(BUILD_DIR, name)));
      expect(shipped.map((i) => i.size), `build/${name}: sizes ${rerun}`).toEqual(embeddedImages(name, generated).map((i) => i.size));
      for (const { size, png } of shipped) {
        expect(pngPixels(png, `build/${name} (${size})`).equals(drawIcon(size)), `build/${name} at ${size} pixels ${rerun}`).toBe(true);
      }
    }
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; build?: unknown };

  it('builds, then packages, with npm run dist', () => {
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
    expect(pkg.scripts['dist:linux']).toBe('npm run build && electron-builder --linux');
    expect(pkg.scripts['dist:mac']).toBe('npm run build && electron-builder --mac');
    expect(pkg.scripts['dist:win']).toBe('npm run build && electron-builder --win');
  });

  it('keeps the packaging configuration in electron-builder.yml only', () => {
    expect(pkg.build, 'package.json has a "build" key: electron-builder would read it instead').toBeUndefined();
  });
});
