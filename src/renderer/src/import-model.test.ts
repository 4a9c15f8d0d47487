import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileNameSchema, MAX_IMPORT_BATCH_CHARS, MAX_IMPORT_BATCH_FILES, MAX_IMPORT_FILE_BYTES } from '../../shared/user-library';
import {
  base64Length,
  countOutcomes,
  dropSources,
  filesToSend,
  isSettled,
  keepInFolder,
  notableOutcomes,
  openableOutcomes,
  pickedFiles,
  pickedFromFolder,
  planBatches,
  progressLabel,
  readAllEntries,
  safeFileName,
  summaryText,
  timeLeft,
  toBase64,
  tooLarge,
  walkDrop,
  type DropDirectoryEntry,
  type DropEntry,
  type DropFileEntry,
  type DropItem,
} from './import-model';

const file = (name: string, text = name): File => new File([text], name);

/** A file entry as Chromium gives one, answering asynchronously. */
function fileEntry(name: string, failing = false): DropFileEntry {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok, fail) => setTimeout(() => (failing ? fail?.(new Error('NotReadableError')) : ok(file(name))), 0),
  };
}

/** A folder entry whose reader gives its entries `pageSize` at a time, then an empty list. */
function folderEntry(name: string, children: DropEntry[], pageSize = 2): DropDirectoryEntry & { reads: number } {
  const folder = {
    name,
    isFile: false,
    isDirectory: true,
    reads: 0,
    createReader() {
      let at = 0;
      return {
        readEntries(ok: (entries: DropEntry[]) => void) {
          folder.reads++;
          const page = children.slice(at, at + pageSize);
          at += pageSize;
          setTimeout(() => ok(page), 0);
        },
      };
    },
  };
  return folder;
}

function item(entry: DropEntry | null, asFile: File | null = null, kind = 'file'): DropItem {
  return { kind, webkitGetAsEntry: () => entry, getAsFile: () => asFile };
}

describe('keepInFolder', () => {
  it('keeps the kinds Quire reads, whatever the case of their extension', () => {
    expect(['a.md', 'b.MARKDOWN', 'c.txt', 'd.text', 'e.html', 'f.HTM', 'g.xhtml', 'h.epub'].every(keepInFolder)).toBe(true);
  });

  it('leaves out other kinds and hidden files', () => {
    expect(['notes.pdf', 'photo.jpg', '.DS_Store', '._notes.md', '.notes.md'].some(keepInFolder)).toBe(false);
  });
});

describe('filesToSend', () => {
  it('sends every file picked by itself, and only the readable ones of folders', () => {
    const picked = [...pickedFiles([file('notes.pdf'), file('a.md')]), ...pickedFromFolder([file('b.md'), file('c.pdf'), file('.hidden.md')])];
    expect(filesToSend(picked).map((f) => f.name)).toEqual(['notes.pdf', 'a.md', 'b.md']);
  });
});

describe('dropSources', () => {
  it('takes entries where the drop has them and files where it does not, skipping text items', () => {
    const folder = folderEntry('docs', []);
    const loose = file('loose.md');
    const sources = dropSources([item(folder), item(null, loose), item(null, null, 'string'), item(null, null)]);
    expect(sources).toEqual([{ entry: folder }, { file: loose }]);
  });
});

describe('readAllEntries', () => {
  it('reads until the reader gives an empty list', async () => {
    const children = ['1.md', '2.md', '3.md', '4.md', '5.md'].map((n) => fileEntry(n));
    const folder = folderEntry('docs', children, 2);
    expect((await readAllEntries(folder)).map((e) => e.name)).toEqual(['1.md', '2.md', '3.md', '4.md', '5.md']);
    // Three pages of entries and the empty one that ends them.
    expect(folder.reads).toBe(4);
  });
});

describe('walkDrop', () => {
  it('walks folders within folders, keeping their readable files, and every file dropped by itself', async () => {
    const inner = folderEntry('inner', [fileEntry('deep.epub'), fileEntry('deep.png')]);
    const outer = folderEntry('outer', [fileEntry('a.md'), inner, fileEntry('b.pdf'), fileEntry('c.txt')]);
    const { picked, unreadable } = await walkDrop(dropSources([item(fileEntry('report.pdf')), item(outer), item(null, file('synthetic.html'))]));
    expect(picked.map((p) => [p.file.name, p.inFolder])).toEqual([
      ['report.pdf', false],
      ['a.md', true],
      ['deep.epub', true],
      ['c.txt', true],
      ['synthetic.html', false],
    ]);
    expect(unreadable).toEqual([]);
  });

  it('names what could not be read and goes on', async () => {
    const { picked, unreadable } = await walkDrop(dropSources([item(folderEntry('f', [fileEntry('gone.md', true), fileEntry('ok.md')]))]));
    expect(picked.map((p) => p.file.name)).toEqual(['ok.md']);
    expect(unreadable).toEqual(['gone.md']);
  });

  it('stops at the limit', async () => {
    const many = folderEntry('many', Array.from({ length: 10 }, (_, i) => fileEntry(`${i}.md`)), 3);
    expect((await walkDrop(dropSources([item(many)]), 4)).picked).toHaveLength(4);
  });
});

describe('safeFileName', () => {
  it('makes any name one the contract takes, keeping what it can', () => {
    expect(safeFileName('notes.md')).toBe('notes.md');
    expect(safeFileName('a\\b.md')).toBe('a_b.md');
    expect(safeFileName('tab\there.txt')).toBe('tab_here.txt');
    const long = safeFileName(`${'x'.repeat(300)}.epub`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.epub')).toBe(true);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), (name) => {
        expect(FileNameSchema.safeParse(safeFileName(name)).success).toBe(true);
      }),
    );
  });
});

describe('toBase64', () => {
  it('encodes as btoa does, across its chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const encoded = toBase64(bytes);
        expect(encoded).toBe(btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')));
        expect(encoded.length).toBe(base64Length(bytes.length));
      }),
      { numRuns: 40 },
    );
  });

  it('encodes a file of the largest size without overflowing the stack', () => {
    const bytes = new Uint8Array(MAX_IMPORT_FILE_BYTES).fill(65);
    expect(toBase64(bytes).length).toBe(base64Length(MAX_IMPORT_FILE_BYTES));
  });
});

describe('planBatches', () => {
  it('fills batches in order up to the character limit', () => {
    expect(planBatches([10, 10, 10], { chars: 32, files: 10 })).toEqual([[0, 1], [2]]);
  });

  it('starts a new batch at the file limit', () => {
    expect(planBatches([1, 1, 1, 1, 1], { chars: 1000, files: 2 })).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('gives a file too large for any batch one of its own', () => {
    expect(planBatches([1, 100, 1], { chars: 16, files: 10 })).toEqual([[0], [1], [2]]);
  });

  it('keeps every batch within the contract, and every file once in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_IMPORT_FILE_BYTES }), { maxLength: 300 }), (sizes) => {
        const batches = planBatches(sizes);
        expect(batches.flat()).toEqual(sizes.map((_, i) => i));
        for (const batch of batches) {
          expect(batch.length).toBeLessThanOrEqual(MAX_IMPORT_BATCH_FILES);
          expect(batch.reduce((n, i) => n + base64Length(sizes[i] ?? 0), 0)).toBeLessThanOrEqual(MAX_IMPORT_BATCH_CHARS);
        }
      }),
    );
  });

  it('keeps a thousand small files to the file limit', () => {
    const batches = planBatches(Array.from({ length: 2500 }, () => 100));
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
  });
});

describe('tooLarge', () => {
  it('says why a file over the limit is not sent', () => {
    expect(tooLarge(60 * 1024 * 1024)).toBe('it is 60 MB, larger than the 48 MB a file can be');
    expect(tooLarge(MAX_IMPORT_FILE_BYTES)).toBeUndefined();
  });
});

describe('progressLabel and timeLeft', () => {
  it('counts the files', () => {
    expect(progressLabel(12, 40)).toBe('Adding 12 of 40 files');
    expect(progressLabel(0, 1)).toBe('Adding 0 of 1 file');
  });

  it('says the time left in seconds, minutes or hours', () => {
    expect(timeLeft(undefined)).toBeUndefined();
    expect(timeLeft(0)).toBe('about 1 s left');
    expect(timeLeft(5)).toBe('about 5 s left');
    expect(timeLeft(150)).toBe('about 3 min left');
    expect(timeLeft(3600)).toBe('about 1 h left');
    expect(timeLeft(5400)).toBe('about 1 h 30 min left');
  });
});

describe('summaryText', () => {
  it('says each kind of outcome there was', () => {
    expect(summaryText({ added: 38, updated: 1, duplicate: 1, failed: 2, cancelled: 0 })).toBe(
      'Added 38 articles · 1 updated · 1 already in your library · 2 could not be added',
    );
    expect(summaryText({ added: 1, updated: 0, duplicate: 0, failed: 0, cancelled: 0 })).toBe('Added 1 article');
    expect(summaryText({ added: 0, updated: 0, duplicate: 1, failed: 0, cancelled: 0 })).toBe('No articles added · 1 already in your library');
    expect(summaryText({ added: 12, updated: 0, duplicate: 0, failed: 0, cancelled: 48 })).toBe('Added 12 articles · 48 left out when you cancelled');
  });
});

describe('outcomes', () => {
  const outcomes = [
    { name: 'a.md', status: 'added', articleId: 'a', title: 'A' },
    { name: 'a2.md', status: 'updated', articleId: 'a', title: 'A' },
    { name: 'b.md', status: 'duplicate', articleId: 'b', title: 'B', reason: 'already in your library as “B”' },
    { name: 'c.pdf', status: 'failed', reason: 'Quire cannot read PDF files' },
    { name: 'd.md', status: 'cancelled' },
  ] as const;

  it('counts them by status', () => {
    expect(countOutcomes(outcomes)).toEqual({ added: 1, updated: 1, duplicate: 1, failed: 1, cancelled: 1 });
  });

  it('lists those to explain, and the articles to open, each once', () => {
    expect(notableOutcomes(outcomes).map((o) => o.name)).toEqual(['b.md', 'c.pdf', 'd.md']);
    expect(openableOutcomes(outcomes)).toEqual([{ id: 'a', title: 'A' }]);
  });
});

describe('isSettled', () => {
  it('waits for every file received to have its outcome after a cancel', () => {
    expect(isSettled({ state: 'running', done: 5, received: 5 })).toBe(false);
    expect(isSettled({ state: 'cancelled', done: 4, received: 5 })).toBe(false);
    expect(isSettled({ state: 'cancelled', done: 5, received: 5 })).toBe(true);
    expect(isSettled({ state: 'done', done: 5, received: 5 })).toBe(true);
  });
});
