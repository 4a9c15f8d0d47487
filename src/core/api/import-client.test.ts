/**
 * The import worker as the hosts run it: files read in another thread, and a file that kills the
 * worker or never finishes failing alone, with the next file read by a new worker.
 */
import { describe, expect, it } from 'vitest';
import { startImportWorker } from './import-client';
import { sourceWorker } from './worker-source';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The real worker, which also dies on 'crash.md' (as running out of memory would end it) and never answers 'stuck.md'. */
const FRAGILE = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => { if (m.name === 'crash.md') process.exit(3); if (m.name === 'stuck.md') for (;;) {} });
${sourceWorker('src/core/api/import-worker.ts')}`;

describe('startImportWorker', () => {
  it('prepares files in a worker thread, each answer its own file’s', async () => {
    const worker = startImportWorker(sourceWorker('src/core/api/import-worker.ts'), { eval: true });
    try {
      const [a, b, c] = await Promise.all([
        worker.prepare('a.md', encode('# Alpha\n\nFirst.\n')),
        worker.prepare('b.txt', encode('Beta\n\nSecond.\n')),
        worker.prepare('c.pdf', encode('%PDF')),
      ]);
      expect(a.ok && a.article.article.title).toBe('Alpha');
      expect(b.ok && b.article.article.passages.map((p) => p.text)).toEqual(['Second.']);
      expect(c).toEqual({ ok: false, reason: 'Quire cannot read .pdf files: add Markdown (.md), text (.txt), saved web pages (.html) or EPUB books (.epub)' });
    } finally {
      await worker.close();
    }
  });

  it('fails a file that kills the worker or takes too long, and reads the next with a new worker', async () => {
    const worker = startImportWorker(FRAGILE, { eval: true, timeoutMs: 1500 });
    try {
      expect(await worker.prepare('crash.md', encode('x'))).toEqual({ ok: false, reason: 'reading it stopped Quire’s file reader (it may need more memory than Quire allows)' });
      expect((await worker.prepare('after-crash.md', encode('# After\n\nFine.\n'))).ok).toBe(true);
      expect(await worker.prepare('stuck.md', encode('x'))).toEqual({ ok: false, reason: 'reading it took longer than 2 seconds' });
      expect((await worker.prepare('after-stuck.md', encode('# After\n\nFine.\n'))).ok).toBe(true);
    } finally {
      await worker.close();
    }
  });
});
