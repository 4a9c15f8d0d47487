import { deflateSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RawZipEntry, rawZip } from '../../testing/epub';
import { ImportFileError } from './imported';
import { type ZipLimits, openZip } from './zip';

const MiB = 1024 * 1024;
const LIMITS: ZipLimits = { maxEntries: 100, maxEntryBytes: 64 * MiB, maxTotalBytes: 256 * MiB, maxRatio: 100 };
const GOOD: RawZipEntry = { name: 'mimetype', data: 'application/epub+zip', method: 0 };

/** The reason an archive is refused for, when opened or when `name` is read from it. */
function refusal(bytes: Uint8Array, name?: string, limits = LIMITS): string {
  try {
    const zip = openZip(bytes, limits);
    if (name !== undefined) zip.read(name);
  } catch (e) {
    if (e instanceof ImportFileError) return e.reason;
    throw e;
  }
  throw new Error('the archive was not refused');
}

/** Text that deflate cannot shrink much: a long run of pseudo-random letters. */
function noise(length: number, seed = 1): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    s += String.fromCharCode(97 + ((x >>> 16) % 26));
  }
  return s;
}

describe('openZip', () => {
  it('reads the entries of a zip written by fflate, stored and deflated', () => {
    const bytes = zipSync({ mimetype: [new TextEncoder().encode('application/epub+zip'), { level: 0 }], 'a/b.txt': new TextEncoder().encode('hello '.repeat(100)) });
    const zip = openZip(bytes, LIMITS);
    expect(zip.names).toEqual(['mimetype', 'a/b.txt']);
    expect(new TextDecoder().decode(zip.read('a/b.txt'))).toBe('hello '.repeat(100));
    expect(new TextDecoder().decode(zip.read('mimetype'))).toBe('application/epub+zip');
    expect(zip.inflatedBytes).toBe(620);
  });

  it('counts an entry read twice once', () => {
    const zip = openZip(rawZip([GOOD, { name: 'a.txt', data: 'abc' }]), LIMITS);
    zip.read('a.txt');
    zip.read('a.txt');
    expect(zip.inflatedBytes).toBe(3);
  });

  it('refuses what is not a zip', () => {
    expect(refusal(new TextEncoder().encode('<html>not a zip</html>'))).toMatch(/not an EPUB book/);
    expect(refusal(new Uint8Array(0))).toMatch(/not an EPUB book/);
  });

  it('says a zip cut short is incomplete', () => {
    const whole = rawZip([GOOD, { name: 'a.txt', data: noise(5000) }]);
    expect(refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/incomplete/);
  });

  it('takes an end record only where its comment length reaches the end of the file', () => {
    // A forged end record after the real one, whose comment length does not fit: not read as an empty archive.
    const bytes = rawZip([GOOD]);
    const forged = new Uint8Array(bytes.length + 22);
    forged.set(bytes);
    new DataView(forged.buffer).setUint32(bytes.length, 0x06054b50, true);
    new DataView(forged.buffer).setUint16(bytes.length + 20, 5, true);
    expect(refusal(forged)).toMatch(/incomplete/);
  });

  it.each([
    ['../evil.xhtml'],
    ['OEBPS/../../evil.xhtml'],
    ['/abs.xhtml'],
    ['C:\\evil.xhtml'],
    ['C:evil.xhtml'],
    ['a\\b.xhtml'],
    ['a\0b.xhtml'],
    ['a\nb.xhtml'],
    ['a\u0085b.xhtml'],
    [''],
  ])('refuses an entry named %j', (name) => {
    expect(refusal(rawZip([GOOD, { name, data: '<p>x</p>' }]))).toMatch(/name could point outside the book/);
  });

  it('accepts names with dots that are not `..` segments', () => {
    const zip = openZip(rawZip([GOOD, { name: 'a..b/..c/d..', data: 'x' }, { name: 'folder/', data: '' }]), LIMITS);
    expect(zip.has('a..b/..c/d..')).toBe(true);
  });

  it('refuses a symbolic link', () => {
    const link: RawZipEntry = { name: 'OEBPS/link.xhtml', data: '/etc/passwd', method: 0, externalAttributes: 0o120777 << 16 };
    expect(refusal(rawZip([GOOD, link]))).toMatch(/symbolic link/);
    // The same entry as a regular file is fine.
    expect(() => openZip(rawZip([GOOD, { ...link, externalAttributes: 0o100644 << 16 }]), LIMITS)).not.toThrow();
  });

  it('refuses two entries with the same name', () => {
    expect(refusal(rawZip([GOOD, { name: 'a.xhtml', data: 'one' }, { name: 'a.xhtml', data: 'two' }]))).toMatch(/same name/);
  });

  it('refuses more entries than the limit, before reading them', () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: 'x' }));
    expect(refusal(rawZip(entries), undefined, { ...LIMITS, maxEntries: 5 })).toMatch(/holds 6 files, more than the 5/);
    expect(() => openZip(rawZip(entries.slice(0, 5)), { ...LIMITS, maxEntries: 5 })).not.toThrow();
  });

  it('refuses an end record that counts more entries than its directory holds', () => {
    const bytes = rawZip([GOOD, { name: 'a', data: 'x' }]);
    new DataView(bytes.buffer).setUint16(bytes.length - 12, 3, true);
    new DataView(bytes.buffer).setUint16(bytes.length - 14, 3, true);
    expect(refusal(bytes)).toMatch(/damaged/);
  });

  it('refuses ZIP64 archives', () => {
    const bytes = rawZip([GOOD]);
    const eocd = bytes.length - 22;
    const marked = bytes.slice();
    new DataView(marked.buffer).setUint32(eocd + 16, 0xffffffff, true);
    expect(refusal(marked)).toMatch(/ZIP64/);
    // A ZIP64 end-of-directory locator just before the end record.
    const located = new Uint8Array(bytes.length + 20);
    located.set(bytes.subarray(0, eocd));
    new DataView(located.buffer).setUint32(eocd, 0x07064b50, true);
    located.set(bytes.subarray(eocd), eocd + 20);
    new DataView(located.buffer).setUint32(eocd + 20 + 16, new DataView(bytes.buffer).getUint32(eocd + 16, true), true);
    expect(refusal(located)).toMatch(/ZIP64/);
    // An end record whose count or directory size says "see the ZIP64 record".
    for (const [field, value] of [[10, 0xffff], [12, 0xffffffff]] as const) {
      const big = bytes.slice();
      if (value === 0xffff) new DataView(big.buffer).setUint16(eocd + field, value, true);
      else new DataView(big.buffer).setUint32(eocd + field, value, true);
      expect(refusal(big)).toMatch(/ZIP64/);
    }
    // An entry whose sizes or offset say "see the ZIP64 extra field".
    expect(refusal(rawZip([GOOD, { name: 'a', data: 'x', declaredSize: 0xffffffff }]))).toMatch(/ZIP64/);
    for (const field of [20, 42]) {
      const entry = rawZip([GOOD, { name: 'a', data: 'x' }]);
      new DataView(entry.buffer).setUint32(entry.length - 22 - 47 + field, 0xffffffff, true);
      expect(refusal(entry)).toMatch(/ZIP64/);
    }
  });

  it('refuses a central directory that runs past the end record', () => {
    const bytes = rawZip([GOOD]);
    new DataView(bytes.buffer).setUint32(bytes.length - 22 + 16, 0x7ffffff0, true);
    expect(refusal(bytes)).toMatch(/damaged/);
  });

  it('refuses a central directory entry without its signature, or longer than the directory', () => {
    const bytes = rawZip([GOOD, { name: 'a', data: 'x' }]);
    const second = bytes.length - 22 - 47;
    const unsigned = bytes.slice();
    unsigned[second] = 0;
    expect(refusal(unsigned)).toMatch(/damaged/);
    const long = bytes.slice();
    new DataView(long.buffer).setUint16(second + 32, 100, true);
    expect(refusal(long)).toMatch(/damaged/);
  });

  it('refuses a directory entry cut off by the end of the directory', () => {
    // A fourth "entry" that is only a signature, the directory's size stretched to cover it.
    const bytes = rawZip([GOOD, { name: 'a', data: 'x' }]);
    const eocd = bytes.length - 22;
    const out = new Uint8Array(bytes.length + 4);
    out.set(bytes.subarray(0, eocd));
    new DataView(out.buffer).setUint32(eocd, 0x02014b50, true);
    out.set(bytes.subarray(eocd), eocd + 4);
    const view = new DataView(out.buffer);
    view.setUint16(eocd + 4 + 8, 3, true);
    view.setUint16(eocd + 4 + 10, 3, true);
    view.setUint32(eocd + 4 + 12, view.getUint32(eocd + 4 + 12, true) + 4, true);
    expect(refusal(out)).toMatch(/damaged/);
  });

  it('reads an entry only through a local header', () => {
    // 'b' points into the data of 'a', at thirty zero bytes that would pass for a header with no name.
    const hidden = new Uint8Array(35);
    hidden.set(new TextEncoder().encode('hello'), 30);
    const bytes = rawZip([{ name: 'a', data: hidden, method: 0 }, { name: 'b', data: 'hello', method: 0 }]);
    const bEntry = bytes.length - 22 - 47;
    new DataView(bytes.buffer).setUint32(bEntry + 42, 30 + 1, true);
    expect(refusal(bytes, 'b')).toMatch(/damaged/);
  });

  it('reads a name that is not UTF-8 byte by byte, unless the entry says it is UTF-8', () => {
    const name = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
    expect(openZip(rawZip([GOOD, { name, data: 'x', flags: 0 }]), LIMITS).has('café')).toBe(true);
    expect(refusal(rawZip([GOOD, { name, data: 'x', flags: 0x800 }]))).toMatch(/damaged/);
  });

  it('says which file is missing when asked for one the archive does not have', () => {
    expect(refusal(rawZip([GOOD]), 'OEBPS/a.xhtml')).toBe('it is missing a file it needs (OEBPS/a.xhtml)');
  });

  it('refuses an archive split over several disks', () => {
    const bytes = rawZip([GOOD]);
    new DataView(bytes.buffer).setUint16(bytes.length - 18, 1, true);
    expect(refusal(bytes)).toMatch(/split over several files/);
  });

  it('refuses to read an encrypted (password-protected) entry', () => {
    expect(refusal(rawZip([GOOD, { name: 'a.xhtml', data: 'x', flags: 0x801 }]), 'a.xhtml')).toMatch(/password-protected/);
  });

  it('refuses an entry compressed by a method other than deflate', () => {
    expect(refusal(rawZip([GOOD, { name: 'a.xhtml', data: 'x', method: 12 }]), 'a.xhtml')).toMatch(/compression method/);
  });

  it('says an entry is damaged when its data is not deflate', () => {
    // 0xff starts a final block of the reserved type 3.
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
    expect(refusal(rawZip([GOOD, { name: 'a', data: garbage, packed: true, declaredSize: 10 }]), 'a')).toMatch(/damaged/);
    // A stream cut off before its final block.
    const cut = deflateSync(new TextEncoder().encode(noise(5000))).subarray(0, 100);
    expect(refusal(rawZip([GOOD, { name: 'a', data: cut, packed: true, declaredSize: 5000 }]), 'a')).toMatch(/damaged/);
  });

  it('says an entry is damaged when it inflates to more or less than it declares', () => {
    expect(refusal(rawZip([GOOD, { name: 'a', data: 'abcdef', declaredSize: 3 }]), 'a')).toMatch(/damaged/);
    expect(refusal(rawZip([GOOD, { name: 'a', data: 'abcdef', declaredSize: 9 }]), 'a')).toMatch(/damaged/);
    expect(refusal(rawZip([GOOD, { name: 'a', data: 'abcdef', method: 0, declaredSize: 9 }]), 'a')).toMatch(/damaged/);
  });

  it('stops inflating an entry that declares a small size as soon as it passes it', () => {
    const zip = openZip(rawZip([GOOD, { name: 'a', data: new Uint8Array(20 * MiB), declaredSize: 1000 }]), LIMITS);
    expect(() => zip.read('a')).toThrow(/damaged/);
    expect(zip.inflatedBytes).toBeLessThan(3 * MiB);
  });

  it('says an entry is damaged when its data runs past the end of the archive', () => {
    const bytes = rawZip([GOOD, { name: 'a', data: noise(100) }]);
    // The central directory's compressed size for 'a', made larger than the archive.
    const cd = bytes.length - 22 - (46 + 8) - (46 + 1);
    new DataView(bytes.buffer).setUint32(cd + 46 + 8 + 20, 1_000_000, true);
    expect(refusal(bytes, 'a')).toMatch(/damaged/);
  });

  it('finds no entry whose local header is not where the directory says', () => {
    const bytes = rawZip([GOOD, { name: 'a', data: 'x' }]);
    const cd = bytes.length - 22 - (46 + 8) - (46 + 1);
    new DataView(bytes.buffer).setUint32(cd + 46 + 8 + 42, 5, true);
    expect(refusal(bytes, 'a')).toMatch(/damaged/);
    new DataView(bytes.buffer).setUint32(cd + 46 + 8 + 42, bytes.length - 2, true);
    expect(refusal(bytes, 'a')).toMatch(/damaged/);
  });

  describe('zip bombs', () => {
    let fiftyMiB: Uint8Array;
    beforeAll(() => {
      fiftyMiB = rawZip([GOOD, { name: 'bomb.xhtml', data: new Uint8Array(50 * MiB) }]);
    });

    it('refuses a 50 MiB entry of zeros by its ratio after inflating only a few MiB', () => {
      expect(fiftyMiB.length).toBeLessThan(100_000);
      const zip = openZip(fiftyMiB, LIMITS);
      expect(() => zip.read('bomb.xhtml')).toThrow(/expands more than 100 times/);
      expect(zip.inflatedBytes).toBeLessThan(4 * MiB);
    });

    it('refuses an entry larger than the per-entry limit as soon as it passes it, whatever its ratio', () => {
      const zip = openZip(fiftyMiB, { ...LIMITS, maxEntryBytes: 4 * MiB, maxRatio: Infinity });
      expect(() => zip.read('bomb.xhtml')).toThrow(/expands to more than 4 MiB/);
      expect(zip.inflatedBytes).toBeLessThan(7 * MiB);
    });

    it('refuses a small entry with a high ratio once it passes 1 MiB', () => {
      expect(refusal(rawZip([GOOD, { name: 'a', data: new Uint8Array(2 * MiB) }]), 'a')).toMatch(/zip bomb/);
    });

    it('reads an entry with a high ratio below 1 MiB', () => {
      const zip = openZip(rawZip([GOOD, { name: 'a', data: new Uint8Array(MiB - 1) }]), LIMITS);
      expect(zip.read('a').length).toBe(MiB - 1);
    });

    it('reads a large entry of ordinary text', () => {
      const text = noise(3 * MiB);
      const zip = openZip(rawZip([GOOD, { name: 'a', data: text }]), LIMITS);
      expect(zip.read('a').length).toBe(3 * MiB);
    });

    it('refuses entries that together pass the total limit', () => {
      const zip = openZip(rawZip([GOOD, { name: 'a', data: noise(600_000, 1) }, { name: 'b', data: noise(600_000, 2) }]), { ...LIMITS, maxTotalBytes: MiB });
      zip.read('a');
      expect(() => zip.read('b')).toThrow(/expands to more than 1 MiB/);
    });

    it('counts stored entries against the limits too', () => {
      expect(refusal(rawZip([GOOD, { name: 'a', data: noise(2 * MiB), method: 0 }]), 'a', { ...LIMITS, maxEntryBytes: MiB })).toMatch(/more than 1 MiB/);
    });

    it('never inflates an entry it is not asked for', () => {
      const zip = openZip(rawZip([GOOD, { name: 'images/cover.png', data: new Uint8Array(20 * MiB) }, { name: 'a', data: 'x' }]), LIMITS);
      zip.read('a');
      expect(zip.inflatedBytes).toBe(1);
    });
  });
});
