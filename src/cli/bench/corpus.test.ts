import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../core/content/build';
import { generateArticles, generateVocabulary, MEDICAL_WORDS, writeCorpus } from './corpus';
import { createRandom } from './random';

/** Every word of the passages of a generated library (body text, no front matter or headings). */
function passageWords(markdown: string): string[][] {
  const body = markdown.split('\n---\n')[1]!;
  return body
    .split('\n\n')
    .map((block) => block.trim())
    .filter((block) => block && !block.startsWith('##'))
    .map((p) => p.toLowerCase().match(/\p{L}+/gu) ?? []);
}

describe('generateVocabulary', () => {
  it('gives distinct pronounceable words, with the medical words among the frequent ones', () => {
    const words = generateVocabulary(createRandom(1), 6000);
    expect(words).toHaveLength(6000);
    expect(new Set(words).size).toBe(6000);
    for (const w of words) expect(w).toMatch(/^[a-z]{2,}$/);
    for (const m of MEDICAL_WORDS) {
      const rank = words.indexOf(m);
      expect(rank).toBeGreaterThanOrEqual(20);
      expect(rank).toBeLessThan(1600);
    }
  });
});

describe('generateArticles', () => {
  const articles = [...generateArticles({ passages: 1000, seed: 5 })];

  it('is deterministic for a seed', () => {
    expect([...generateArticles({ passages: 1000, seed: 5 })]).toEqual(articles);
    expect([...generateArticles({ passages: 1000, seed: 6 })]).not.toEqual(articles);
  });

  it('gives the asked passage count, 20 per article, about 85 words each', () => {
    expect(articles).toHaveLength(50);
    expect(articles.every((a) => a.passages === 20)).toBe(true);
    const paragraphs = articles.flatMap((a) => passageWords(a.markdown));
    expect(paragraphs).toHaveLength(1000);
    const mean = paragraphs.reduce((sum, p) => sum + p.length, 0) / paragraphs.length;
    expect(mean).toBeGreaterThan(82);
    expect(mean).toBeLessThan(88);
    expect([...generateArticles({ passages: 45 })].map((a) => a.passages)).toEqual([20, 20, 5]);
  });

  it('gives words Zipf-like frequencies (rank-frequency slope near -1 on a log-log scale)', () => {
    const counts = new Map<string, number>();
    for (const p of articles.flatMap((a) => passageWords(a.markdown))) for (const w of p) counts.set(w, (counts.get(w) ?? 0) + 1);
    const freqs = [...counts.values()].sort((a, b) => b - a);
    expect(freqs.length).toBeGreaterThan(3000);
    // Least-squares slope of log(frequency) over log(rank) for ranks 1..1000.
    const points = freqs.slice(0, 1000).map((f, i) => [Math.log(i + 1), Math.log(f)] as const);
    const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
    const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
    const slope = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
    expect(slope).toBeGreaterThan(-1.2);
    expect(slope).toBeLessThan(-0.8);
  });
});

describe('writeCorpus', () => {
  it('writes Markdown that the real build accepts, with the asked passage count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quire-bench-test-'));
    try {
      expect(await writeCorpus(dir, { passages: 110, seed: 2 })).toEqual({ articles: 6, passages: 110 });
      expect(await readdir(dir)).toHaveLength(6);
      const { library } = await buildLibrary(dir);
      expect(library.articles).toHaveLength(6);
      expect(library.allDocs()).toHaveLength(110);
      const article = library.articles.find((a) => a.id === 'bench-1')!;
      expect(article.source).toBe('Quire benchmark corpus (seed 2)');
      expect(article.topics.length).toBeGreaterThan(0);
      expect(article.sections.filter((s) => s.level === 2).length).toBeGreaterThanOrEqual(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
