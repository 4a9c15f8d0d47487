import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, Passage } from '../../shared/model';
import { buildLibraryData } from '../content/build';
import { NOTICES_FILE } from '../content/notices';
import { BUNDLED_CONTENT } from '../library/paths';
import { tempDir, type TempDir } from '../testing/temp-dir';
import { PASSAGE_SEPARATOR, renderedToText, type RangeSelector, type TextRange } from '../../shared/ranges';
import { anchorRange, passagesInRange, selectRange } from './text-range';

const SLEEP = 'baclofen-sleep-aid.md';
const SJOGREN = 'baclofen-sjogrens-syndrome.md';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
  for (const name of [SLEEP, SJOGREN, NOTICES_FILE]) await dir.write(name, await readFile(join(BUNDLED_CONTENT, name)));
});
afterEach(() => dir.remove());

async function articles(): Promise<{ sleep: Article; sjogren: Article }> {
  const data = await buildLibraryData(dir.path);
  return { sleep: data.articles.find((a) => a.id === 'baclofen-sleep-aid')!, sjogren: data.articles.find((a) => a.id === 'baclofen-sjogrens-syndrome')! };
}
async function edit(name: string, change: (source: string) => string): Promise<void> {
  const source = await readFile(join(dir.path, name), 'utf8');
  const changed = change(source);
  expect(changed).not.toBe(source);
  await dir.write(name, changed);
}

const allPassages = (a: Article): Passage[] => [...a.passages, ...a.comments];
const passageWith = (a: Article, text: string): Passage => {
  const p = allPassages(a).find((x) => x.text.includes(text));
  if (!p) throw new Error(`no passage with '${text}'`);
  return p;
};
/** The range over the first occurrence of `words` in one passage. */
function rangeOf(a: Article, words: string): TextRange {
  const p = passageWith(a, words);
  const offset = p.text.indexOf(words);
  return { start: { passageId: p.id, offset }, end: { passageId: p.id, offset: offset + words.length } };
}
/** The text a range covers, read straight from the article's passages. */
function textOf(a: Article, range: TextRange): string {
  const ids = passagesInRange(a, range);
  const ps = ids.map((id) => allPassages(a).find((p) => p.id === id)!);
  if (ps.length === 1) return ps[0]!.text.slice(range.start.offset, range.end.offset);
  return [ps[0]!.text.slice(range.start.offset), ...ps.slice(1, -1).map((p) => p.text), ps.at(-1)!.text.slice(0, range.end.offset)].join(PASSAGE_SEPARATOR);
}
function select(a: Article, range: TextRange): RangeSelector {
  const s = selectRange(a, range);
  if (typeof s === 'string') throw new Error(s);
  return s;
}

describe('selectRange', () => {
  it('keeps the exact words of a passage, their place in it and their context', async () => {
    const { sleep } = await articles();
    const p = passageWith(sleep, 'mimicking the neurotransmitter GABA');
    const at = p.text.indexOf('mimicking the neurotransmitter GABA');
    const s = select(sleep, rangeOf(sleep, 'mimicking the neurotransmitter GABA'));
    expect(s).toMatchObject({ startPassageId: p.id, endPassageId: p.id, position: { start: at, end: at + 35 } });
    expect(s.quote.exact).toBe('mimicking the neurotransmitter GABA');
    expect(p.text.slice(0, at).endsWith(s.quote.prefix)).toBe(true);
    expect(s.quote.prefix.length).toBe(32);
    expect(p.text.slice(at + 35).startsWith(s.quote.suffix)).toBe(true);
  });

  it('spans passages: positions count in the passages joined, and every passage between is listed', async () => {
    const { sleep } = await articles();
    const ps = sleep.passages;
    const range: TextRange = { start: { passageId: ps[1]!.id, offset: 5 }, end: { passageId: ps[3]!.id, offset: 12 } };
    const s = select(sleep, range);
    expect(s.startPassageId).toBe(ps[1]!.id);
    expect(s.endPassageId).toBe(ps[3]!.id);
    expect(s.quote.exact).toBe([ps[1]!.text.slice(5), ps[2]!.text, ps[3]!.text.slice(0, 12)].join(PASSAGE_SEPARATOR));
    expect(s.position).toEqual({ start: 5, end: ps[1]!.text.length + ps[2]!.text.length + 2 + 12 });
    expect(passagesInRange(sleep, range)).toEqual([ps[1]!.id, ps[2]!.id, ps[3]!.id]);
  });

  it('marks words in a table cell, a question, an answer and a reader comment', async () => {
    const { sleep, sjogren } = await articles();
    const table = sleep.passages.find((p) => p.kind === 'table')!;
    const cell = select(sleep, rangeOf(sleep, '7.2 hrs'));
    expect(cell).toMatchObject({ startPassageId: table.id, quote: { exact: '7.2 hrs' } });
    const question = sjogren.passages.find((p) => p.kind === 'question')!;
    const answer = sjogren.passages.find((p) => p.kind === 'answer')!;
    expect(select(sjogren, rangeOf(sjogren, question.text.slice(0, 20))).startPassageId).toBe(question.id);
    expect(select(sjogren, rangeOf(sjogren, answer.text.slice(3, 30))).startPassageId).toBe(answer.id);
    const comment = sjogren.comments[2]!;
    expect(select(sjogren, rangeOf(sjogren, comment.text.slice(0, 25))).startPassageId).toBe(comment.id);
  });

  it('runs from the end of the body into the reader comments', async () => {
    const { sjogren } = await articles();
    const last = sjogren.passages.at(-1)!;
    const first = sjogren.comments[0]!;
    const s = select(sjogren, { start: { passageId: last.id, offset: last.text.length - 10 }, end: { passageId: first.id, offset: 10 } });
    expect(s.quote.exact).toBe(`${last.text.slice(-10)}${PASSAGE_SEPARATOR}${first.text.slice(0, 10)}`);
  });

  it('starts a range that begins at a passage end in the next passage, and ends one at a passage start in the one before', async () => {
    const { sleep } = await articles();
    const [a, b, c] = sleep.passages.slice(2, 5) as [Passage, Passage, Passage];
    const s = select(sleep, { start: { passageId: a.id, offset: a.text.length }, end: { passageId: c.id, offset: 0 } });
    expect(s).toMatchObject({ startPassageId: b.id, endPassageId: b.id, position: { start: 0, end: b.text.length }, quote: { exact: b.text } });
  });

  it('says what is wrong with a range it cannot mark', async () => {
    const { sleep } = await articles();
    const p = sleep.passages[1]!;
    const at = (offset: number) => ({ passageId: p.id, offset });
    expect(selectRange(sleep, { start: { passageId: 'nope', offset: 0 }, end: at(3) })).toBe("the range's start is in passage 'nope', which 'baclofen-sleep-aid' does not have");
    expect(selectRange(sleep, { start: at(0), end: at(p.text.length + 1) })).toBe(`the range's end (offset ${p.text.length + 1}) is outside passage '${p.id}' of 'baclofen-sleep-aid'`);
    expect(selectRange(sleep, { start: at(-1), end: at(3) })).toContain("the range's start (offset -1) is outside");
    expect(selectRange(sleep, { start: at(1.5), end: at(3) })).toContain('is outside');
    expect(selectRange(sleep, { start: at(9), end: at(3) })).toBe("the range ends before it starts in 'baclofen-sleep-aid'");
    expect(selectRange(sleep, { start: at(4), end: at(4) })).toBe("the range marks no words in 'baclofen-sleep-aid'");
    const space = p.text.indexOf(' ');
    expect(selectRange(sleep, { start: at(space), end: at(space + 1) })).toBe("the range marks no words in 'baclofen-sleep-aid'");
  });
});

describe('anchorRange', () => {
  it('keeps a range where it was while the content is unchanged', async () => {
    const { sleep } = await articles();
    const range = rangeOf(sleep, 'Sleep Latency | 24 min');
    expect(anchorRange(select(sleep, range), sleep)).toEqual({ status: 'anchored', range });
  });

  it('re-anchors the same words when a paragraph added before them shifts the passage ids', async () => {
    const before = (await articles()).sleep;
    const words = 'mimicking the neurotransmitter GABA';
    const s = select(before, rangeOf(before, words));
    await edit(SLEEP, (src) => src.replace('Baclofen has quietly sat', 'A paragraph added by an editor.\n\nBaclofen has quietly sat'));
    const after = (await articles()).sleep;
    const found = anchorRange(s, after);
    expect(found.status).toBe('reanchored');
    expect(found.range!.start.passageId).not.toBe(s.startPassageId);
    expect(textOf(after, found.range!)).toBe(words);
  });

  it('re-anchors a range across passages whose passages moved', async () => {
    const before = (await articles()).sleep;
    const ps = before.passages;
    const s = select(before, { start: { passageId: ps[1]!.id, offset: 10 }, end: { passageId: ps[2]!.id, offset: 20 } });
    await edit(SLEEP, (src) => src.replace('Baclofen has quietly sat', 'A paragraph added by an editor.\n\nBaclofen has quietly sat'));
    const after = (await articles()).sleep;
    const found = anchorRange(s, after);
    expect(found.status).toBe('reanchored');
    expect(textOf(after, found.range!)).toBe(s.quote.exact);
    expect(passagesInRange(after, found.range!)).toHaveLength(2);
  });

  it('picks, of the same words in two places, the one whose context matches', async () => {
    const { sleep } = await articles();
    const words = 'baclofen';
    const occurrences = allPassages(sleep).flatMap((p) => [...p.text.matchAll(/baclofen/g)].map((m) => ({ passageId: p.id, offset: m.index })));
    expect(occurrences.length).toBeGreaterThan(3);
    const pick = occurrences[3]!;
    const s = select(sleep, { start: pick, end: { passageId: pick.passageId, offset: pick.offset + words.length } });
    // Same words, no valid place: context alone must find the fourth occurrence.
    const moved = { ...s, startPassageId: 'gone', endPassageId: 'gone' };
    expect(anchorRange(moved, sleep)).toEqual({ status: 'reanchored', range: { start: pick, end: { passageId: pick.passageId, offset: pick.offset + words.length } } });
  });

  it('picks, of the same words where context does not tell, the one nearest where they were', async () => {
    const { sleep } = await articles();
    const occurrences = allPassages(sleep).flatMap((p) => [...p.text.matchAll(/baclofen/g)].map((m) => ({ passageId: p.id, offset: m.index })));
    const pick = occurrences[4]!;
    const s = select(sleep, { start: pick, end: { passageId: pick.passageId, offset: pick.offset + 8 } });
    // The text moved by two characters and its context is gone: only the place is left to go by.
    const shifted = { ...s, position: { start: s.position.start + 2, end: s.position.end + 2 }, quote: { ...s.quote, prefix: '', suffix: '' } };
    expect(anchorRange(shifted, sleep).range?.start).toEqual(pick);
  });

  it('follows a reworded word approximately, and orphans words that were rewritten', async () => {
    const before = (await articles()).sleep;
    const words = 'Baclofen works in the brain by mimicking the neurotransmitter GABA';
    const s = select(before, rangeOf(before, words));
    await edit(SLEEP, (src) => src.replace('works in the brain by mimicking', 'acts in the brain by imitating'));
    const reworded = (await articles()).sleep;
    const found = anchorRange(s, reworded);
    expect(found.status).toBe('reanchored');
    expect(textOf(reworded, found.range!)).toMatch(/^Baclofen acts in the brain by imitating the neurotransmitter GABA/);
    await edit(SLEEP, (src) => src.replace('Baclofen acts in the brain by imitating the neurotransmitter GABA', 'An entirely different sentence stands here now'));
    expect(anchorRange(s, (await articles()).sleep)).toEqual({ status: 'orphaned' });
  });

  it('finds a long quote with a change in its middle by its head and tail', async () => {
    const before = (await articles()).sjogren;
    const long = before.passages.find((p) => p.text.length > 400)!;
    const s = select(before, { start: { passageId: long.id, offset: 0 }, end: { passageId: long.id, offset: long.text.length } });
    const middle = long.text.slice(200, 230);
    await edit(SJOGREN, (src) => src.replace(middle, middle.toUpperCase()));
    const after = (await articles()).sjogren;
    const found = anchorRange(s, after);
    expect(found.status).toBe('reanchored');
    expect(textOf(after, found.range!)).toBe(long.text.replace(middle, middle.toUpperCase()));
  });

  it('orphans a range whose article is gone', async () => {
    const { sleep } = await articles();
    expect(anchorRange(select(sleep, rangeOf(sleep, 'GABA')), undefined)).toEqual({ status: 'orphaned' });
  });

  it('gives back any range it selected, unchanged, in the same content (property)', async () => {
    const { sleep, sjogren } = await articles();
    for (const a of [sleep, sjogren]) {
      const ps = allPassages(a);
      const point = fc.integer({ min: 0, max: ps.length - 1 }).chain((i) => fc.integer({ min: 0, max: ps[i]!.text.length }).map((offset) => ({ i, offset })));
      fc.assert(
        fc.property(point, point, (x, y) => {
          const [p, q] = x.i < y.i || (x.i === y.i && x.offset <= y.offset) ? [x, y] : [y, x];
          const range = { start: { passageId: ps[p.i]!.id, offset: p.offset }, end: { passageId: ps[q.i]!.id, offset: q.offset } };
          const s = selectRange(a, range);
          if (typeof s === 'string') return;
          const found = anchorRange(s, a);
          expect(found.status).toBe('anchored');
          expect(textOf(a, found.range!)).toBe(s.quote.exact);
          expect(anchorRange(selectRange(a, found.range!) as RangeSelector, a)).toEqual(found);
        }),
        { numRuns: 300 },
      );
    }
  });
});

/** The text an element shows for a passage's HTML: its tags dropped and entities read. */
const shown = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('renderedToText', () => {
  it('lines up a table as shown with its plain text, cell separators and line breaks apart', async () => {
    const { sleep } = await articles();
    const table = sleep.passages.find((p) => p.kind === 'table')!;
    const rendered = shown(table.html);
    expect(rendered).not.toBe(table.text);
    const starts = renderedToText(rendered, table.text, 'start');
    const ends = renderedToText(rendered, table.text, 'end');
    expect(starts).toHaveLength(rendered.length + 1);
    for (const cell of ['Measure', 'Sleep Latency', '24 min', '7.2 hrs', 'Subjective Quality', '5.8/10']) {
      const at = rendered.indexOf(cell);
      expect(table.text.slice(starts[at]!, ends[at + cell.length]!)).toBe(cell);
    }
    // From one cell's middle to another's: the words between, with the plain text's layout.
    const from = rendered.indexOf('Latency');
    const to = rendered.indexOf('41 min') + 2;
    expect(table.text.slice(starts[from]!, ends[to]!)).toBe('Latency | 24 min | 41');
    expect(ends.at(-1)).toBe(table.text.length);
  });

  it('maps every passage of the bundled articles letter for letter where the two texts agree', async () => {
    const { sleep, sjogren } = await articles();
    for (const p of [sleep, sjogren].flatMap(allPassages)) {
      const rendered = shown(p.html);
      const starts = renderedToText(rendered, p.text, 'start');
      const ends = renderedToText(rendered, p.text, 'end');
      for (let i = 0; i < rendered.length; i++) {
        if (/[\s|]/.test(rendered[i]!)) continue;
        expect(p.text[starts[i]!], `${p.id} at ${i}`).toBe(rendered[i]);
        expect(ends[i + 1], `${p.id} after ${i}`).toBe(starts[i]! + 1);
      }
    }
  });

  it('keeps offsets in order and inside the text, whatever the two strings', () => {
    for (const [rendered, text] of [['', 'abc'], ['abc', ''], ['a b', 'a | b'], ['xyz', 'abc'], ['\n\nA\n', 'A']]) {
      for (const side of ['start', 'end'] as const) {
        const map = renderedToText(rendered!, text!, side);
        for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
        expect(Math.max(...map)).toBeLessThanOrEqual(text!.length);
      }
    }
    expect(renderedToText('\nA\nB\n', 'A | B', 'start')).toEqual([0, 0, 4, 4, 5, 5]);
    expect(renderedToText('\nA\nB\n', 'A | B', 'end')).toEqual([0, 0, 1, 1, 5, 5]);
  });
});
