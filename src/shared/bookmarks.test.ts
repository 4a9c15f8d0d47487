import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, ImportTextSchema, importSizeProblem, MAX_IMPORT_BYTES, utf8Length } from './bookmarks';

describe('utf8Length', () => {
  it('counts what an encoder writes, lone surrogates included (property)', () => {
    expect(utf8Length('a é € 😀')).toBe(new TextEncoder().encode('a é € 😀').length);
    expect(utf8Length('\ud800x\udc00')).toBe(7);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatBytes', () => {
  it('writes bytes, KB and MB with at most one decimal', () => {
    expect(formatBytes(12)).toBe('12 bytes');
    expect(formatBytes(900 * 1024)).toBe('900 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(50.55 * 1024 * 1024)).toBe('50.6 MB');
  });
});

describe('the import size limit', () => {
  it('accepts up to the limit and names the size and the limit past it', () => {
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeProblem(50 * 1024 * 1024)).toBe('the import is 50 MB (52428800 bytes), over the 10 MB limit');
  });

  it('measures a text in UTF-8 bytes, not characters', () => {
    const ascii = 'x'.repeat(MAX_IMPORT_BYTES);
    expect(ImportTextSchema.safeParse(ascii).success).toBe(true);
    // Half as many characters, each two bytes, plus one: one byte over.
    const wide = `${'é'.repeat(MAX_IMPORT_BYTES / 2)}x`;
    const parsed = ImportTextSchema.safeParse(wide);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(`the import is 10 MB (${MAX_IMPORT_BYTES + 1} bytes), over the 10 MB limit`);
  });
});
