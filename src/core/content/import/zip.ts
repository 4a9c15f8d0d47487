/**
 * A zip archive read in memory without trusting it: the reader under epub.ts.
 *
 * The central directory is parsed here rather than by fflate, because the checks need fields
 * fflate does not expose (a symbolic link's mode in the external attributes, the encryption
 * flag) and because nothing should be inflated before the whole directory has passed. An
 * archive is refused outright when any entry's name could mean a path outside a folder (`..`,
 * `/x`, `C:\x`, backslashes, control characters), is a symbolic link or appears twice: Quire
 * never writes entries to disk, but an EPUB never needs any of these, and a file that has them
 * was made to trick some reader.
 *
 * Entries are inflated only when asked for, in small pushes through fflate's streaming
 * {@link Inflate}, counting the bytes that really come out (declared sizes are written by
 * whoever made the file) against {@link ZipLimits}: a zip bomb is stopped within about a
 * megabyte of passing a limit, never inflated whole.
 */
import { Inflate } from 'fflate';
import { ImportFileError } from './imported';

/** How much an archive may hold and expand to. */
export interface ZipLimits {
  /** Entries in the central directory, folders included. */
  readonly maxEntries: number;
  /** Inflated bytes of any one entry. */
  readonly maxEntryBytes: number;
  /** Inflated bytes of every entry read, together. */
  readonly maxTotalBytes: number;
  /**
   * Inflated bytes per compressed byte, checked once an entry has inflated past
   * {@link RATIO_CHECK_BYTES}: text compresses about 3 to 10 times, a run of zeros 1000 times.
   */
  readonly maxRatio: number;
}

/** An entry must inflate past this many bytes before its ratio is checked: small files of repeated text are fine. */
export const RATIO_CHECK_BYTES = 1024 * 1024;

/**
 * Compressed bytes given to the inflater at a time. Deflate expands at most about 1032 times,
 * so one push inflates at most about 2 MiB before the limits are checked again.
 */
const PUSH_BYTES = 2048;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
/** `S_IFMT` and `S_IFLNK` of a unix mode, which zip keeps in the top 16 bits of the external attributes. */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

/** One file in the archive, as its central directory entry describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The inflated size the archive declares: checked against what comes out, never trusted before. */
  readonly declaredSize: number;
  readonly localOffset: number;
}

/** An archive whose central directory has passed every check; its entries are read on demand. */
export interface ZipArchive {
  /** Entry names in central directory order, folders included. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /**
   * The inflated bytes of an entry, counted against the limits (a second read of the same
   * entry is served from memory and not counted again).
   *
   * @throws ImportFileError when the entry is missing, encrypted, damaged or passes a limit
   */
  read(name: string): Uint8Array;
  /** Inflated bytes so far, all entries together. */
  readonly inflatedBytes: number;
}

/**
 * Open an archive: find and check its central directory, inflate nothing yet.
 *
 * @throws ImportFileError when it is not a zip, is cut short or damaged, uses ZIP64 or several
 *   disks, has too many entries, or has an entry with an unsafe name, a symbolic link or a
 *   duplicate name
 * @example const zip = openZip(bytes, EPUB_LIMITS); const xml = zip.read('META-INF/container.xml');
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd === -1) {
    // A zip's end record is its last bytes: a file that starts like a zip but has none was cut short.
    if (bytes.length >= 4 && view.getUint32(0, true) === LOCAL_SIGNATURE) {
      throw new ImportFileError('the file is incomplete (it seems to have been cut short while it was copied or downloaded)');
    }
    throw new ImportFileError('it is not an EPUB book (an EPUB is a zip archive, and this file is not one)');
  }
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const entriesOnDisk = view.getUint16(eocd + 8, true);
  const entryCount = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (
    (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) ||
    entryCount === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff
  ) {
    throw new ImportFileError('its zip archive uses the ZIP64 format, which Quire does not read (books never need it)');
  }
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new ImportFileError('it is one part of a zip archive split over several files, and Quire needs the whole archive in one file');
  }
  if (entryCount > limits.maxEntries) {
    throw new ImportFileError(`it holds ${entryCount} files, more than the ${limits.maxEntries} Quire will open in one book`);
  }
  if (cdOffset + cdSize > eocd) throw damaged();

  const entries = new Map<string, ZipEntry>();
  const names: string[] = [];
  let at = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_SIZE > cdOffset + cdSize || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw damaged();
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const localOffset = view.getUint32(at + 42, true);
    const end = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > cdOffset + cdSize) throw damaged();
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ImportFileError('its zip archive uses the ZIP64 format, which Quire does not read (books never need it)');
    }
    const name = entryName(bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength), flags);
    checkName(name);
    if (((external >>> 16) & S_IFMT) === S_IFLNK) {
      throw new ImportFileError('it contains a symbolic link, which a book never needs, so Quire will not open it');
    }
    if (entries.has(name)) {
      throw new ImportFileError('it contains two files with the same name, so it is unclear which one to read');
    }
    entries.set(name, { name, method, flags, compressedSize, declaredSize, localOffset });
    names.push(name);
    at = end;
  }
  return new Archive(bytes, view, entries, names, limits);
}

/** The archive behind {@link openZip}: entries checked, bytes inflated once each. */
class Archive implements ZipArchive {
  private readonly cache = new Map<string, Uint8Array>();
  private total = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly view: DataView,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
    readonly names: readonly string[],
    private readonly limits: ZipLimits,
  ) {}

  get inflatedBytes(): number {
    return this.total;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Uint8Array {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const entry = this.entries.get(name);
    if (!entry) throw new ImportFileError(`it is missing a file it needs (${printable(name)})`);
    if (entry.flags & FLAG_ENCRYPTED) {
      throw new ImportFileError('its zip archive is password-protected, so Quire cannot read it');
    }
    const data = this.data(entry);
    let out: Uint8Array;
    if (entry.method === METHOD_STORED) {
      this.count(data.length, data.length, data.length);
      out = data;
    } else if (entry.method === METHOD_DEFLATE) {
      out = this.inflate(data, entry.declaredSize);
    } else {
      throw new ImportFileError('its zip archive uses a compression method Quire cannot read (books use "deflate")');
    }
    if (out.length !== entry.declaredSize) throw damaged();
    this.cache.set(name, out);
    return out;
  }

  /** An entry's compressed bytes, found through its local header. */
  private data(entry: ZipEntry): Uint8Array {
    const { view, bytes } = this;
    const at = entry.localOffset;
    if (at + LOCAL_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw damaged();
    const start = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw damaged();
    return bytes.subarray(start, end);
  }

  /**
   * Inflate in small pushes, checking the limits after each and stopping at the first passed,
   * or as soon as more comes out than the entry declares (it is damaged or lying).
   */
  private inflate(data: Uint8Array, declaredSize: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let pushed = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      if (size > declaredSize) throw damaged();
      this.count(chunk.length, size, pushed);
      chunks.push(chunk);
    });
    try {
      for (let off = 0; off < data.length || off === 0; off += PUSH_BYTES) {
        pushed = Math.min(off + PUSH_BYTES, data.length);
        inflater.push(data.subarray(off, pushed), pushed >= data.length);
      }
    } catch (e) {
      if (e instanceof ImportFileError) throw e;
      throw damaged();
    }
    const out = new Uint8Array(size);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  /**
   * Count `added` inflated bytes, the entry having now inflated `entrySize` from `consumed`
   * compressed bytes.
   */
  private count(added: number, entrySize: number, consumed: number): void {
    const { limits } = this;
    this.total += added;
    if (entrySize > limits.maxEntryBytes) {
      throw new ImportFileError(`a file inside it expands to more than ${mib(limits.maxEntryBytes)}, more than Quire will read from one book`);
    }
    if (this.total > limits.maxTotalBytes) {
      throw new ImportFileError(`it expands to more than ${mib(limits.maxTotalBytes)}, more than Quire will read from one book`);
    }
    if (entrySize > RATIO_CHECK_BYTES && entrySize > limits.maxRatio * Math.max(consumed, 1)) {
      throw new ImportFileError(
        `a file inside it expands more than ${limits.maxRatio} times its packed size, which is how a "zip bomb" fills memory, so Quire will not open it`,
      );
    }
  }
}

/** The offset of the end-of-central-directory record, searching back over a possible comment; -1 when there is none. */
function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    // The comment length must reach the end exactly, so a signature inside a comment is not taken.
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_SIZE + view.getUint16(at + 20, true) === bytes.length) return at;
  }
  return -1;
}

/** An entry's name: UTF-8 when the archive says so or when it is valid UTF-8, else one byte per character. */
function entryName(raw: Uint8Array, flags: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    if (flags & FLAG_UTF8) throw damaged();
    // Old tools wrote code page 437; an EPUB's names are ASCII, so an exact mapping would not help.
    return String.fromCharCode(...raw);
  }
}

/** Refuse a name that could reach outside a folder or hide what it is. */
function checkName(name: string): void {
  const unsafe =
    name === '' ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    /[\u0000-\u001f\u007f-\u009f]/.test(name) ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').includes('..');
  if (unsafe) {
    throw new ImportFileError('it contains a file whose name could point outside the book, which is how a malicious archive attacks its reader, so Quire will not open it');
  }
}

function damaged(): ImportFileError {
  return new ImportFileError('its zip archive is damaged, so Quire cannot read it');
}

function mib(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

/** A name fit to show in a message: control characters dropped, long names cut. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}
