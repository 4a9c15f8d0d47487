/**
 * From the content model to what the article view draws: sections with their heading levels,
 * passages grouped into blocks (consecutive list items become one list), and the table of
 * contents. Pure functions, so the rules can be tested without a DOM.
 */
import type { Article, Passage, Section } from '../../shared/model';

/** The element id of a section's wrapper. */
export function sectionDomId(sectionId: string): string {
  return `section-${sectionId}`;
}

/** The element id of a passage (unique in the page, valid whatever the passage id). */
export function passageDomId(passageId: string): string {
  return `passage-${passageId}`;
}

/** A heading level the body may use: the article title alone is h1. */
export type BodyHeadingLevel = 2 | 3 | 4 | 5 | 6;

/** One thing drawn in a section's body. */
export type Block =
  | { readonly type: 'passage'; readonly passage: Passage }
  | { readonly type: 'list'; readonly id: string; readonly ordered: boolean; readonly items: readonly Passage[] };

/** A section as drawn. */
export interface SectionLayout {
  readonly section: Section;
  /** The heading element's level, or none for the lead section (the article title heads it). */
  readonly headingLevel?: BodyHeadingLevel;
  /** In a question section: the question passage, whose id the heading carries. */
  readonly question?: Passage;
  readonly blocks: readonly Block[];
}

/** One entry of the table of contents. */
export interface TocEntry {
  readonly section: Section;
  readonly children: readonly TocEntry[];
}

/** Whether a section is the lead (the text before the first heading). */
export function isLead(section: Section): boolean {
  return section.level <= 1;
}

/**
 * Heading levels for the sections in order, never skipping a level below the h1 title.
 *
 * A heading is drawn one level below the nearest earlier heading of a higher source level: a
 * `####` straight after a `##` becomes h3, and an article whose headings are all `###` gets h2s.
 */
export function headingLevels(sections: readonly Section[]): (BodyHeadingLevel | undefined)[] {
  // Open headings, outermost first: their source level and the level they were drawn at.
  const open: { source: number; drawn: number }[] = [];
  return sections.map((section) => {
    if (isLead(section)) return undefined;
    while ((open[open.length - 1]?.source ?? 0) >= section.level) open.pop();
    const drawn = Math.min((open[open.length - 1]?.drawn ?? 1) + 1, 6) as BodyHeadingLevel;
    open.push({ source: section.level, drawn });
    return drawn;
  });
}

function toBlocks(passages: readonly Passage[]): Block[] {
  const blocks: Block[] = [];
  for (const passage of passages) {
    if (passage.kind === 'list-item' && passage.list) {
      const last = blocks[blocks.length - 1];
      if (last?.type === 'list' && last.id === passage.list.id) {
        (last.items as Passage[]).push(passage);
      } else {
        blocks.push({ type: 'list', id: passage.list.id, ordered: passage.list.ordered, items: [passage] });
      }
    } else {
      blocks.push({ type: 'passage', passage });
    }
  }
  return blocks;
}

/**
 * The article's sections in order, each with the blocks of its passages.
 *
 * A passage naming an unknown section stays in reading order, in the section before it, so no
 * text is ever dropped. The question of a question section is not a block: the section heading
 * shows it (and carries its passage id).
 */
export function layoutArticle(article: Pick<Article, 'sections' | 'passages'>): SectionLayout[] {
  const levels = headingLevels(article.sections);
  const bySection = new Map<string, Passage[]>(article.sections.map((s) => [s.id, []]));
  const questionSections = new Set(article.sections.filter((s) => s.role === 'question').map((s) => s.id));
  const questions = new Map<string, Passage>();
  let current = article.sections[0]?.id;
  const orphans: Passage[] = [];
  for (const passage of article.passages) {
    if (bySection.has(passage.sectionId)) current = passage.sectionId;
    const target = current === undefined ? undefined : bySection.get(current);
    // A question section's heading is its question: the passage is drawn as that heading.
    if (passage.kind === 'question' && questionSections.has(passage.sectionId) && !questions.has(passage.sectionId)) {
      questions.set(passage.sectionId, passage);
      continue;
    }
    (target ?? orphans).push(passage);
  }
  const layouts: SectionLayout[] = article.sections.map((section, i) => {
    const question = section.role === 'question' ? questions.get(section.id) : undefined;
    const level = levels[i];
    return {
      section,
      ...(level !== undefined && { headingLevel: level }),
      ...(question && { question }),
      blocks: toBlocks(bySection.get(section.id) ?? []),
    };
  });
  if (orphans.length > 0) {
    // Only when an article has passages but no sections at all.
    layouts.push({ section: { id: 'body', title: '', level: 1, path: [] }, blocks: toBlocks(orphans) });
  }
  return layouts;
}

/**
 * The table of contents: every section but the lead, nested by drawn heading level.
 *
 * @example tableOfContents(article.sections)[0].children // the h3 sections under the first h2
 */
export function tableOfContents(sections: readonly Section[]): TocEntry[] {
  const levels = headingLevels(sections);
  const root: { children: TocEntry[] } = { children: [] };
  const stack: { level: number; node: { children: TocEntry[] } }[] = [{ level: 1, node: root }];
  sections.forEach((section, i) => {
    const level = levels[i];
    if (level === undefined) return;
    while ((stack[stack.length - 1]?.level ?? 1) >= level) stack.pop();
    const parent = stack[stack.length - 1]?.node ?? root;
    const entry = { section, children: [] as TocEntry[] };
    parent.children.push(entry);
    stack.push({ level, node: entry });
  });
  return root.children;
}
