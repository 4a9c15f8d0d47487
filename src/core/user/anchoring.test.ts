import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bookmark } from '../../shared/bookmarks';
import type { Article } from '../../shared/model';
import { anchor, quotePassage, quoteSection, sectionExcerpt, similarity } from './anchoring';
import { buildLibraryData } from '../content/build';
import { NOTICES_FILE } from '../content/notices';
import { BUNDLED_CONTENT } from '../library/paths';
import { tempDir, type TempDir } from '../testing/temp-dir';

const SLEEP = 'baclofen-sleep-aid.md';
let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
  await dir.write(SLEEP, await readFile(join(BUNDLED_CONTENT, SLEEP)));
  // The article names a notice: the folder needs the notices it names.
  await dir.write(NOTICES_FILE, await readFile(join(BUNDLED_CONTENT, NOTICES_FILE)));
});
afterEach(() => dir.remove());

async function article(): Promise<Article> {
  return (await buildLibraryData(dir.path)).articles[0]!;
}
async function edit(change: (source: string) => string): Promise<void> {
  await dir.write(SLEEP, change(await readFile(join(dir.path, SLEEP), 'utf8')));
}
function bookmarkOf(a: Article, passageId: string): Bookmark {
  const quote = quotePassage(a, passageId);
  if (!quote) throw new Error(`no passage ${passageId}`);
  const now = '2026-11-22T07:00:00.000Z';
  return { id: `bm-${passageId}`.slice(0, 64), articleId: a.id, target: 'passage', targetId: passageId, quote, note: '', tags: [], createdAt: now, updatedAt: now };
}
const passageWith = (a: Article, text: string) => a.passages.find((p) => p.text.includes(text))!;

describe('anchor', () => {
  it('keeps a bookmark on its passage while the content is unchanged', async () => {
    const a = await article();
    const table = a.passages.find((p) => p.kind === 'table')!;
    const b = bookmarkOf(a, table.id);
    expect(b.quote.exact).toContain('Sleep Latency');
    expect(anchor(b, a)).toEqual({ status: 'anchored', targetId: table.id });
  });

  it('re-anchors by the exact quote when a new paragraph shifts the ids', async () => {
    const before = await article();
    const target = passageWith(before, 'Let’s get into the details.');
    const b = bookmarkOf(before, target.id);
    await edit((s) => s.replace('Let’s get into the details.', 'A paragraph added by an editor.\n\nLet’s get into the details.'));
    const after = await article();
    const moved = passageWith(after, 'Let’s get into the details.');
    expect(moved.id).not.toBe(target.id);
    expect(anchor(b, after)).toEqual({ status: 'reanchored', targetId: moved.id });
  });

  it('re-anchors fuzzily when the passage was lightly edited', async () => {
    const before = await article();
    const target = passageWith(before, 'Track your sleep in a notebook');
    const b = bookmarkOf(before, target.id);
    await edit((s) => s.replace('- Start low, go slow.', '- A new item.\n- Start low, go slow.').replace('Track your sleep in a notebook or an app.', 'Track your sleep in a journal or an app.'));
    const after = await article();
    const edited = passageWith(after, 'Track your sleep in a journal');
    expect(edited.id).not.toBe(target.id);
    expect(anchor(b, after)).toEqual({ status: 'reanchored', targetId: edited.id });
  });

  it('orphans a bookmark whose passage is gone, and one whose article is gone', async () => {
    const before = await article();
    const target = passageWith(before, 'It’s not just about numbers, though.');
    const b = bookmarkOf(before, target.id);
    await edit((s) => s.replace(/^It’s not just about numbers, though\..*$/m, ''));
    expect(anchor(b, await article())).toEqual({ status: 'orphaned' });
    expect(anchor(b, undefined)).toEqual({ status: 'orphaned' });
  });

  it('follows a section by its title', async () => {
    const before = await article();
    const section = before.sections[1]!;
    const quote = quoteSection(before, section.id)!;
    const b: Bookmark = { ...bookmarkOf(before, before.passages[0]!.id), target: 'section', targetId: section.id, quote };
    expect(anchor(b, before)).toEqual({ status: 'anchored', targetId: section.id });
    expect(anchor({ ...b, targetId: 'renamed-id' }, before)).toEqual({ status: 'reanchored', targetId: section.id });
  });
});

describe('sectionExcerpt', () => {
  const UNPACKING = 'unpacking-baclofen-more-than-just-a-muscle-relaxant';
  const OPENING = 'Baclofen has quietly sat on pharmacy shelves for decades';

  it('shows a section’s first passage, cut at a word to about 200 characters, its words as written', async () => {
    const a = await article();
    const first = passageWith(a, OPENING);
    expect(first.sectionId).toBe(UNPACKING);
    expect(first.text.length).toBeGreaterThan(250);
    const excerpt = sectionExcerpt(a, UNPACKING)!;
    expect(excerpt).toMatch(new RegExp(`^${OPENING}.*…$`));
    expect(excerpt.length).toBeLessThanOrEqual(201);
    expect(excerpt.length).toBeGreaterThan(150);
    const kept = excerpt.slice(0, -1);
    expect(first.text.startsWith(kept)).toBe(true);
    expect(first.text.charAt(kept.length)).toMatch(/[\s,;:]/);
  });

  it('shows a short first passage whole, without an ellipsis', async () => {
    await edit((s) => s.replace(`${OPENING}`, 'Baclofen is old.\n\n$&'));
    expect(sectionExcerpt(await article(), UNPACKING)).toBe('Baclofen is old.');
  });

  it('reads the article as it is now, not as it was when bookmarked', async () => {
    const before = await article();
    const quote = quoteSection(before, UNPACKING)!;
    await edit((s) => s.replace(OPENING, 'Pharmacies have stocked baclofen for decades'));
    const after = await article();
    expect(sectionExcerpt(after, UNPACKING)).toMatch(/^Pharmacies have stocked baclofen for decades/);
    // The bookmark's quote, its title, still finds the section.
    expect(quoteSection(after, UNPACKING)).toEqual(quote);
  });

  it('reads a section whose heading is followed by a subheading from its first subsection, and never from the next section', async () => {
    await edit((s) =>
      s
        .replace(OPENING, `### Where it came from\n\n${OPENING}`)
        .replace('## What the Numbers Say', '## Nothing here yet\n\n## What the Numbers Say'),
    );
    const a = await article();
    expect(a.sections.find((s) => s.title === 'Where it came from')).toMatchObject({ level: 3 });
    expect(sectionExcerpt(a, UNPACKING)).toMatch(new RegExp(`^${OPENING}`));
    expect(sectionExcerpt(a, 'nothing-here-yet')).toBeUndefined();
    expect(sectionExcerpt(a, 'no-such-section')).toBeUndefined();
  });

  it('shows a question’s answer, not the question again', async () => {
    await edit((s) => `${s}\n\n## Questions and answers\n\n::: faq\n\n### Does baclofen help sleep?\n\nIt may shorten the time it takes to fall asleep.\n\n:::\n`);
    const a = await article();
    const question = a.sections.find((s) => s.role === 'question')!;
    expect(sectionExcerpt(a, question.id)).toBe('It may shorten the time it takes to fall asleep.');
    expect(sectionExcerpt(a, 'questions-and-answers')).toBe('Does baclofen help sleep?');
  });
});

describe('similarity', () => {
  it('is 1 for the same words and falls as they differ', () => {
    expect(similarity('Start low, go slow.', 'start low go slow')).toBe(1);
    expect(similarity('the cat sat', 'the cat sat down')).toBeCloseTo(0.8);
    expect(similarity('sleep latency', 'muscle relaxant')).toBe(0);
  });
});
