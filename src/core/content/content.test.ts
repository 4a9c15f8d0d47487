/**
 * The bundled articles, checked against the captured seeds they were made from: structure
 * restored, every line of published text carried word for word.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model';
import { buildLibraryData } from './build';
import { BUNDLED_CONTENT, ROOT } from '../library/paths';

const SEEDS = join(ROOT, 'src/core/testing/fixtures/seeds');
const SJOGREN = 'baclofen-sjogrens-syndrome';
const SLEEP = 'baclofen-sleep-aid';

let articles: Map<string, Article>;
beforeAll(async () => {
  const data = await buildLibraryData(BUNDLED_CONTENT);
  articles = new Map(data.articles.map((a) => [a.id, a]));
});
const get = (id: string): Article => {
  const a = articles.get(id);
  if (!a) throw new Error(`no article ${id}`);
  return a;
};

/** All text a reader sees, whitespace folded. */
function allText(a: Article): string {
  const parts = [a.title, ...a.sections.map((s) => s.title), ...a.passages.map((p) => p.text)];
  for (const c of a.comments) parts.push(`${c.attribution}`, c.text);
  return parts.join('\n').replace(/\s+/g, ' ');
}
const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('bundled seeds', () => {
  it('are identical to the shared seeds where those are present', () => {
    const shared = join(ROOT, '../shared/seeds');
    if (!existsSync(shared)) return expect(existsSync(SEEDS)).toBe(true);
    for (const name of readdirSync(shared).filter((n) => n.endsWith('.txt'))) {
      expect(readFileSync(join(SEEDS, name), 'utf8'), name).toBe(readFileSync(join(shared, name), 'utf8'));
    }
  });
});

describe('the Sjögren article', () => {
  const seed = (): string[] => readFileSync(join(SEEDS, '000_10abf820dad503be.txt'), 'utf8').split('\n').filter((l) => l.trim());

  it('has its title and date from the seed', () => {
    const a = get(SJOGREN);
    expect(a.title).toBe(seed()[0]);
    expect(seed()[1]).toBe('Nov, 18 2025');
    expect(a.published).toBe('2025-11-18');
  });

  it('has the seed headings as sections, then the questions and answers', () => {
    const titles = get(SJOGREN).sections.map((s) => `${s.level} ${s.title}`);
    expect(titles.slice(0, 12)).toEqual([
      '1 Beginning',
      '2 What is Sjögren’s Syndrome?',
      '2 What Is Baclofen?',
      '2 Why Would Baclofen Be Considered for Sjögren’s?',
      '2 How It Works in Practice',
      '2 Who Might Benefit Most?',
      '2 What About Side Effects?',
      '2 What Are the Alternatives?',
      '2 Realistic Expectations',
      '2 How to Talk to Your Doctor',
      '2 Final Thoughts',
      '2 Questions and answers',
    ]);
  });

  it('has five question and answer pairs, each question over its answer', () => {
    const a = get(SJOGREN);
    const faq = a.sections.filter((s) => s.role === 'question');
    expect(faq).toHaveLength(5);
    for (const s of faq) {
      const inSection = a.passages.filter((p) => p.sectionId === s.id);
      expect(inSection.map((p) => p.kind)).toEqual(['question', 'answer']);
      expect(inSection[0]?.text).toBe(s.title);
    }
    expect(faq[0]?.title).toBe('Can baclofen help with dry mouth in Sjögren’s syndrome?');
    expect(a.passages.find((p) => p.sectionId === faq[0]?.id && p.kind === 'answer')?.text).toMatch(/^No, baclofen does not increase saliva production/);
  });

  it('has its bullet lists as list items', () => {
    const a = get(SJOGREN);
    const items = a.passages.filter((p) => p.kind === 'list-item');
    expect(items.map((p) => p.text)).toContain('Coughing or gagging during meals');
    expect(new Set(items.map((p) => p.list?.id)).size).toBe(3);
    expect(items).toHaveLength(11);
  });

  it('has every reader comment with author and ISO timestamp, apart from the body', () => {
    const a = get(SJOGREN);
    const lines = seed();
    // In the seed a comment starts with an author line followed by a line glued to its timestamp.
    const stamp = /^([A-Z][a-z]+ \d{1,2}, \d{4}) AT (\d{2}):(\d{2})/;
    const expected = lines.flatMap((line, i) => {
      const m = stamp.exec(line);
      if (!m) return [];
      const d = new Date(`${m[1]} 00:00 UTC`);
      return [{ author: lines[i - 1], time: `${d.toISOString().slice(0, 10)}T${m[2]}:${m[3]}`, first: line.slice(m[0].length) }];
    });
    expect(expected).toHaveLength(12);
    expect(a.comments.map((c) => ({ author: c.attribution, time: c.time, first: c.text.split('\n\n')[0] }))).toEqual(expected);
    expect(a.commentCount).toBe(12);
    expect(a.passages.some((p) => p.kind === 'comment')).toBe(false);
    expect(a.comments.every((c) => c.kind === 'comment' && c.sectionId === 'comments')).toBe(true);
  });

  it('carries every line of the seed word for word', () => {
    const text = allText(get(SJOGREN));
    const stamp = /^[A-Z][a-z]+ \d{1,2}, \d{4} AT \d{2}:\d{2}/;
    for (const line of seed().slice(2)) {
      expect(text, line).toContain(fold(line.replace(stamp, '').replace(/^- /, '')));
    }
  });
});

describe('the sleep article', () => {
  const seed = (): string[] => readFileSync(join(SEEDS, '003_dd8201e9aa4c58b9.txt'), 'utf8').split('\n').filter((l) => l.trim());

  it('has its title, no date, and the seed headings once each', () => {
    const a = get(SLEEP);
    expect(a.title).toBe(seed()[0]);
    expect(a.published).toBeUndefined();
    expect(a.sections.map((s) => s.title)).toEqual([
      'Unpacking Baclofen: More Than Just a Muscle Relaxant?',
      'What the Numbers Say: Digging Into Sleep Latency, Quality, and Duration',
      'Baclofen Versus Other Sleep Aids: Side-by-Side and What to Watch Out For',
      'Should You Try Baclofen for Sleep? Practical Advice and What Else to Consider',
    ]);
  });

  it('has the results table as 3 columns and 4 rows with the right cells', () => {
    const tables = get(SLEEP).passages.filter((p) => p.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.table).toEqual({
      header: ['Measure', 'Baclofen Group (avg.)', 'Placebo Group (avg.)'],
      rows: [
        ['Sleep Latency', '24 min', '41 min'],
        ['Total Sleep Time', '7.2 hrs', '6.5 hrs'],
        ['Number of Awakenings', '2.1', '3.3'],
        ['Subjective Quality', '7.4/10', '5.8/10'],
      ],
    });
    // Each glued seed row is exactly its cells run together.
    const glued = tables[0]!.table!.rows.map((r) => r.join(''));
    for (const row of glued) expect(seed()).toContain(row);
  });

  it('has the quotation as a quote with its attribution', () => {
    const quotes = get(SLEEP).passages.filter((p) => p.kind === 'quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.attribution).toBe('Dr. Rachel Salas, a neurology sleep specialist at Johns Hopkins');
    expect(quotes[0]?.text).toMatch(/^“Medications like baclofen may help/);
  });

  it('has no reader comments and drops the capture artifacts', () => {
    const a = get(SLEEP);
    expect(a.comments).toEqual([]);
    expect(allText(a)).not.toContain('Write a comment');
    expect(a.passages.filter((p) => p.kind === 'list-item')).toHaveLength(11);
  });

  it('carries every line of the seed word for word', () => {
    const a = get(SLEEP);
    const text = allText(a);
    const rows = new Set(a.passages.flatMap((p) => (p.table ? [p.table.header, ...p.table.rows].map((r) => r.join('')) : [])));
    for (const line of seed().slice(1)) {
      if (line === 'Write a comment' || rows.has(line)) continue;
      expect(text, line).toContain(fold(line.replace(/^\s*•\s*/, '')));
    }
  });
});

describe('bundled notices', () => {
  it('give both health articles the medical notice from content/notices.yaml', () => {
    for (const id of [SJOGREN, SLEEP]) expect(get(id).notice).toMatch(/not medical advice/);
  });
});
