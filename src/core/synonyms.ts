/**
 * Synonyms: editable data in `content/synonyms.yaml`, applied at query time.
 *
 * The file is a list of groups; every word or phrase of a group also finds the others (a brand
 * and its generic name, a lay and a clinical term, an abbreviation and what it stands for):
 *
 *   - [Lioresal, baclofen]
 *   - [trouble swallowing, difficulty swallowing, dysphagia]
 */
import { isSeq, LineCounter, parseDocument } from 'yaml';
import type { ContentProblem } from './problems';
import { queryWords } from './query';
import { termOf } from './text';

/** The synonyms file's name inside a content folder. */
export const SYNONYMS_FILE = 'synonyms.yaml';

/** Longest synonym phrase, in index terms. */
const MAX_PHRASE_TERMS = 6;

/**
 * Parse and validate a synonyms file.
 *
 * @returns the groups (each a list of words or phrases as written), and problems with positions
 */
export function parseSynonyms(file: string, text: string, problems: ContentProblem[]): string[][] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const at = (offset: number, message: string): void => {
    const { line, col } = counter.linePos(offset);
    problems.push({ file, line, column: col, message });
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) at(e.pos[0], `synonyms are not valid YAML: ${e.message.split('\n')[0]}`);
    return [];
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    at(0, 'synonyms must be a list of groups, each a list like [Lioresal, baclofen]');
    return [];
  }
  const groups: string[][] = [];
  doc.contents.items.forEach((item, i) => {
    const offset = (item as unknown as { range?: [number, number, number] }).range?.[0] ?? 0;
    const value: unknown = (item as { toJSON?: () => unknown }).toJSON?.() ?? item;
    if (!Array.isArray(value) || value.length < 2 || !value.every((v) => typeof v === 'string' && v.trim())) {
      at(offset, `synonym group ${i + 1} must list at least two words or phrases`);
      return;
    }
    const members = (value as string[]).map((v) => v.trim());
    const unsearchable = members.find((m) => termsOf(m).length === 0);
    if (unsearchable !== undefined) {
      at(offset, `synonym group ${i + 1}: '${unsearchable}' has no searchable word (only stop words or punctuation)`);
      return;
    }
    groups.push(members);
  });
  return groups;
}

/** The index terms of a word or phrase, stop words left out. */
export function termsOf(text: string): string[] {
  return queryWords(text)
    .map(termOf)
    .filter((t): t is string => t !== null);
}

/** Synonym groups compiled for lookups by term sequence. */
export class SynonymTable {
  private readonly byKey = new Map<string, string[][]>();
  readonly longest: number;

  constructor(groups: readonly (readonly string[])[]) {
    let longest = 1;
    for (const group of groups) {
      const members = group.map((m) => ({ text: m, terms: termsOf(m) }));
      for (const member of members) {
        const key = member.terms.join(' ');
        longest = Math.max(longest, Math.min(member.terms.length, MAX_PHRASE_TERMS));
        const others = members.filter((o) => o.terms.join(' ') !== key).map((o) => o.terms);
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), ...others]);
      }
    }
    this.longest = longest;
  }

  /**
   * The synonyms of a term sequence (each a term sequence), or none.
   *
   * @example new SynonymTable([['kidney', 'renal']]).lookup(['kidney']) // [['renal']]
   */
  lookup(terms: readonly string[]): readonly string[][] {
    return this.byKey.get(terms.join(' ')) ?? [];
  }
}
