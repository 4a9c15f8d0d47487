/**
 * Files a reader adds, written for the import specs: one of each kind Quire reads (Markdown
 * without front matter, plain text, a saved news page with its navigation, ads and comments, a
 * saved page with a table, an EPUB book), a file it cannot read, and many small notes. Each kind
 * has a word no other article has, to find it by.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { epub3 } from '../src/core/testing/epub';

/** The saved web pages shipped for the importers' tests. */
const PAGES = join('src', 'core', 'testing', 'fixtures', 'import');

/** One file of a kind Quire reads. */
export interface KindFile {
  readonly kind: string;
  readonly path: string;
  readonly name: string;
  /** A word only this file has. */
  readonly word: string;
  /** Words its article shows. */
  readonly shows: string;
  /** Words of the file its article must not show (a page's navigation, ads, comments). */
  readonly hidden: readonly string[];
}

/** Write one file of each kind into `dir`. */
export async function writeKinds(dir: string): Promise<KindFile[]> {
  await mkdir(dir, { recursive: true });
  const at = (name: string): string => join(dir, name);
  await writeFile(
    at('field-notes.md'),
    '# Field notes on the axolotl\n\nThe axolotl keeps its gills all its life and regrows a lost limb in weeks.\n\n## Feeding\n\nIt eats worms and small fish, and sleeps with its eyes open.\n',
  );
  await writeFile(
    at('zoo-diary.txt'),
    'Zoo diary\n\nThe marmoset house was quiet this morning; the keepers said the young ones slept late.\n\nIn the afternoon the marmoset family sat in the sun by the glass.\n',
  );
  await copyFile(join(PAGES, 'news-article.html'), at('night-shifts.html'));
  await copyFile(join(PAGES, 'data-table.html'), at('caffeine.html'));
  await writeFile(
    at('burrows.epub'),
    epub3({
      title: 'Burrows and Dens',
      creators: ['A. Naturalist'],
      chapters: [
        { title: 'The pangolin', body: '<h1>The pangolin</h1><p>The pangolin sleeps curled in a burrow through the day and forages at night.</p>' },
        { title: 'Badgers', body: '<h1>Badgers</h1><p>Badgers share their setts across generations.</p>' },
      ],
    }),
  );
  return [
    { kind: 'Markdown', path: at('field-notes.md'), name: 'field-notes.md', word: 'axolotl', shows: 'regrows a lost limb', hidden: [] },
    { kind: 'text', path: at('zoo-diary.txt'), name: 'zoo-diary.txt', word: 'marmoset', shows: 'the keepers said the young ones slept late', hidden: [] },
    {
      kind: 'news page',
      path: at('night-shifts.html'),
      name: 'night-shifts.html',
      word: 'fortnight',
      shows: 'wear wrist monitors for a fortnight',
      hidden: ['Subscribe today', 'Accept all cookies', 'Mattresses half price', 'Try our new sleep tracker app', 'NightOwl77', 'Post comment'],
    },
    { kind: 'page with a table', path: at('caffeine.html'), name: 'caffeine.html', word: 'midwife', shows: 'check with your midwife', hidden: [] },
    { kind: 'EPUB book', path: at('burrows.epub'), name: 'burrows.epub', word: 'pangolin', shows: 'sleeps curled in a burrow', hidden: [] },
  ];
}

/** A file Quire cannot read, written into `dir`. */
export async function writePdf(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'notes.pdf');
  await writeFile(path, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  return path;
}

/**
 * `n` Markdown notes without front matter in `dir`, each titled "Batch note N" with `paragraphs`
 * paragraphs of its own words; returns their paths in order.
 */
export async function writeNotes(dir: string, n: number, paragraphs = 40): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 1; i <= n; i++) {
    const body = Array.from(
      { length: paragraphs },
      (_, p) => `Paragraph ${p + 1} of note ${i}: the heron number ${i * 1000 + p} waited at the reeds while the water rose, and the notes of day ${i} say so at length.`,
    ).join('\n\n');
    const path = join(dir, `batch-note-${String(i).padStart(3, '0')}.md`);
    await writeFile(path, `# Batch note ${i}\n\n${body}\n`);
    paths.push(path);
  }
  return paths;
}
