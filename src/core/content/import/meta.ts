/**
 * Small rules every importer applies to metadata: a title made from a file name, a date read
 * only when it is a real calendar day, and text flattened to one line; and windows-1252, the
 * encoding every importer falls back on.
 *
 * They live together so that a book, a text file and a Markdown file that say the same thing
 * give the same front matter.
 */

/**
 * Collapse every run of whitespace to one space and trim the ends.
 *
 * @example collapseWhitespace('  two\n\twords ') // 'two words'
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A title made from a file name: the name without folders or extension, with underscores and
 * dashes read as spaces.
 *
 * Letters keep their case: the name is how the person chose to call the file. A name with
 * nothing left (`.txt`, `___.md`) gives the file name itself, and an empty file name gives
 * "Untitled", because a title is never empty.
 *
 * @example titleFromFileName('sleep_notes-2024.txt') // 'sleep notes 2024'
 */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  return collapseWhitespace(stem.replace(/[_-]+/g, ' ')) || collapseWhitespace(base) || 'Untitled';
}

/**
 * The day a date string names, as YYYY-MM-DD, when it starts with a real calendar date.
 *
 * A date and time (`2024-03-05T10:00:00Z`, `2024-03-05 10:00`) gives its day as written. A year
 * or a month alone (`2024`, `2024-03`) is not a day, and words (`March 5, 2024`) are not read:
 * a date is left out rather than guessed. Years before 1000 are left out too: they are
 * placeholders (calibre writes `0101-01-01` for "unknown"), not publication dates.
 *
 * @example isoDay('2024-03-05T10:00:00+01:00') // '2024-03-05'
 * @example isoDay('2024') // undefined
 */
export function isoDay(value: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (Number(m[1]) < 1000) return undefined;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day) ? day : undefined;
}

/**
 * windows-1252's characters for the bytes 0x80 to 0x9f (the rest is Latin-1). Node's
 * TextDecoder decodes 'windows-1252' as Latin-1 in these 32 bytes, giving control characters
 * where a Windows file has curly quotes and dashes, so the table is written out here.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decode windows-1252 (what Windows Notepad wrote for decades): every byte is a character.
 *
 * @example decodeWindows1252(new Uint8Array([0x93, 0x68, 0x69, 0x94])) // '“hi”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
