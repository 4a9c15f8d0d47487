/**
 * Synonyms: editable data in `content/synonyms.yaml`, applied at query time.
 *
 * The file is a list of groups; every word or phrase of a group also finds the others (a brand
 * and its generic name, a lay and a clinical term, an abbreviation and what it stands for):
 *
 *   - [Lioresal, baclofen]
 *   - [trouble swallowing, difficulty swallowing, dysphagia]
 *
 * A group may carry a label, saying what its other words are to its first one; the search shows
 * it when a word was found only through its synonyms ("Lioresal: a brand name of baclofen"):
 *
 *   - { words: [baclofen, Lioresal, Gablofen], label: "a brand name of baclofen" }
 */
import { isSeq } from 'yaml';
import { parseContentYaml } from '../content/content-yaml';
import type { ContentProblem } from '../content/problems';
import { queryWords } from './query';
import { termOf } from '../../shared/text';

/** The synonyms file's name inside a content folder. */
export const SYNONYMS_FILE = 'synonyms.yaml';

/** One group of words or phrases that mean the same, as written in the file. */
export interface SynonymGroup {
  readonly words: readonly string[];
  /** What the group's other words are to its first one ("a brand name of baclofen"). */
  readonly label?: string;
}

/** Longest synonym phrase, in index terms. */
const MAX_PHRASE_TERMS = 6;

/**
 * Parse and validate a synonyms file.
 *
 * @returns the groups (words or phrases as written, and labels), and problems with positions
 */
export function parseSynonyms(file: string, text: string, problems: ContentProblem[]): SynonymGroup[] {
  const { doc, lineCounter, problems: yamlProblems } = parseContentYaml(text, 'synonyms are');
  const at = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file, line, column: col, message });
  };
  if (!doc) {
    for (const p of yamlProblems) at(p.offset, p.message);
    return [];
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    at(0, 'synonyms must be a list of groups, each a list like [Lioresal, baclofen]');
    return [];
  }
  const groups: SynonymGroup[] = [];
  doc.contents.items.forEach((item, i) => {
    const offset = (item as unknown as { range?: [number, number, number] }).range?.[0] ?? 0;
    const value: unknown = (item as { toJSON?: () => unknown }).toJSON?.() ?? item;
    const labelled = typeof value === 'object' && value !== null && !Array.isArray(value);
    const words: unknown = labelled ? (value as { words?: unknown }).words : value;
    const label: unknown = labelled ? (value as { label?: unknown }).label : undefined;
    if (labelled) {
      const unknownKey = Object.keys(value).find((k) => k !== 'words' && k !== 'label');
      if (unknownKey !== undefined) {
        at(offset, `synonym group ${i + 1}: unknown field '${unknownKey}' (a group has 'words' and an optional 'label')`);
        return;
      }
      if (label !== undefined && (typeof label !== 'string' || !label.trim())) {
        at(offset, `synonym group ${i + 1}: 'label' must be a non-empty text`);
        return;
      }
    }
    if (!Array.isArray(words) || words.length < 2 || !words.every((v) => typeof v === 'string' && v.trim())) {
      at(offset, `synonym group ${i + 1} must list at least two words or phrases`);
      return;
    }
    const members = (words as string[]).map((v) => v.trim());
    const unsearchable = members.find((m) => termsOf(m).length === 0);
    if (unsearchable !== undefined) {
      at(offset, `synonym group ${i + 1}: '${unsearchable}' has no searchable word (only stop words or punctuation)`);
      return;
    }
    groups.push(typeof label === 'string' ? { words: members, label: label.trim() } : { words: members });
  });
  return groups;
}

/** The index terms of a word or phrase, stop words left out. */
export function termsOf(text: string): string[] {
  return queryWords(text)
    .map(termOf)
    .filter((t): t is string => t !== null);
}

/** A synonym of some words: its index terms, as written, and the group it comes from. */
export interface Synonym {
  readonly terms: readonly string[];
  readonly written: string;
  readonly group: SynonymGroup;
  /** Whether the words looked up are their group's first (the label describes the others). */
  readonly fromHead: boolean;
}

/** Synonym groups compiled for lookups by term sequence. */
export class SynonymTable {
  private readonly byKey = new Map<string, Synonym[]>();
  readonly longest: number;

  constructor(groups: readonly SynonymGroup[]) {
    let longest = 1;
    for (const group of groups) {
      const members = group.words.map((m) => ({ text: m, terms: termsOf(m) }));
      members.forEach((member, mi) => {
        const key = member.terms.join(' ');
        longest = Math.max(longest, Math.min(member.terms.length, MAX_PHRASE_TERMS));
        const others = members
          .filter((o) => o.terms.join(' ') !== key)
          .map((o) => ({ terms: o.terms, written: o.text, group, fromHead: mi === 0 }));
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), ...others]);
      });
    }
    this.longest = longest;
  }

  /**
   * The synonyms of a term sequence, or none.
   *
   * @example new SynonymTable([{ words: ['kidney', 'renal'] }]).lookup(['kidney'])[0]?.terms // ['renal']
   */
  lookup(terms: readonly string[]): readonly Synonym[] {
    return this.byKey.get(terms.join(' ')) ?? [];
  }
}
