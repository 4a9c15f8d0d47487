/**
 * What a print holds, worked out from the article and the reader's choices; and the page rules
 * (paper, margins, running header, page numbers) that go with it. Pure functions, tested without
 * a DOM; the print layout draws their result with the reader's own components.
 */
import type { Article, Passage, Section } from '../../shared/model';
import { MARGIN_MM, type MarginSize, type PaperSize, type PrintScope } from '../../shared/print';

/** The reader's choices for one print. */
export interface PrintChoice {
  readonly scope: PrintScope;
  /** The section being read (scope `section`). */
  readonly sectionId?: string;
  /** The passages selected in the article (scope `selection`). */
  readonly selectedIds?: readonly string[];
  /** Whether reader comments are printed (all of them for the article, the selected ones for a selection). */
  readonly includeComments: boolean;
}

/** The part of an article to print, shaped as an article so the reader's layout can draw it. */
export interface PrintableArticle {
  readonly sections: readonly Section[];
  readonly passages: readonly Passage[];
  readonly comments: readonly Passage[];
  /** What part it is, for the citation header ("Section: …", "3 selected passages"); none for the whole article. */
  readonly part?: string;
}

/** A section and the sections under it (those after it with a deeper level, up to the next of its level or above). */
function sectionWithChildren(sections: readonly Section[], sectionId: string): Section[] {
  const start = sections.findIndex((s) => s.id === sectionId);
  const first = sections[start];
  if (!first) return [];
  const out = [first];
  for (const section of sections.slice(start + 1)) {
    // The lead (level 1) contains nothing: only its own text.
    if (first.level <= 1 || section.level <= first.level) break;
    out.push(section);
  }
  return out;
}

/** The passages of some sections, plus the question passages that head question sections. */
function passagesOf(article: Article, sectionIds: ReadonlySet<string>, keep: (p: Passage) => boolean): Passage[] {
  const questionSections = new Set(article.sections.filter((s) => s.role === 'question').map((s) => s.id));
  return article.passages.filter(
    (p) => sectionIds.has(p.sectionId) && (keep(p) || (p.kind === 'question' && questionSections.has(p.sectionId))),
  );
}

/**
 * The part of `article` a print holds.
 *
 * - `article`: everything, with the comments when chosen.
 * - `section`: the section and its subsections; no comments (they belong to no section).
 * - `selection`: the selected passages under their section headings, in reading order, and the
 *   selected comments when comments are chosen. Nothing selected prints nothing.
 * - `bookmarks`: no article text (the bookmarks list is printed instead).
 *
 * @example printableArticle(article, { scope: 'section', sectionId: 'dosage', includeComments: false })
 */
export function printableArticle(article: Article, choice: PrintChoice): PrintableArticle {
  switch (choice.scope) {
    case 'article':
      return { sections: article.sections, passages: article.passages, comments: choice.includeComments ? article.comments : [] };
    case 'section': {
      const sections = sectionWithChildren(article.sections, choice.sectionId ?? '');
      const ids = new Set(sections.map((s) => s.id));
      return { sections, passages: passagesOf(article, ids, () => true), comments: [], part: `Section: ${sections[0]?.title ?? ''}` };
    }
    case 'selection': {
      const selected = new Set(choice.selectedIds ?? []);
      const ids = new Set(article.passages.filter((p) => selected.has(p.id)).map((p) => p.sectionId));
      const sections = article.sections.filter((s) => ids.has(s.id));
      const passages = passagesOf(article, ids, (p) => selected.has(p.id));
      const comments = choice.includeComments ? article.comments.filter((c) => selected.has(c.id)) : [];
      const count = passages.filter((p) => selected.has(p.id)).length + comments.length;
      return { sections, passages, comments, part: count === 1 ? '1 selected passage' : `${count} selected passages` };
    }
    case 'bookmarks':
      return { sections: [], passages: [], comments: [], part: 'Bookmarks' };
  }
}

/** A CSS string literal holding `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** What the page rules need. */
export interface PageSetup {
  readonly paper: PaperSize;
  readonly margins: MarginSize;
  /** The running header, on every page but the first (which has the citation header). */
  readonly runningHead: string;
}

/**
 * The `@page` rules of a print: paper size, margins, a running header and "Page N of M" in the
 * page margins. The same rules serve the browser's print, Electron's print and its PDF export
 * (which prefers the CSS page size).
 *
 * @example pageRules({ paper: 'A4', margins: 'normal', runningHead: 'Baclofen and sleep' })
 */
export function pageRules({ paper, margins, runningHead }: PageSetup): string {
  const mm = MARGIN_MM[margins];
  const margin = `${mm}mm`;
  return [
    `@page { size: ${paper}; margin: ${margin} ${margin} ${Math.max(mm, 16)}mm;`,
    `  @top-left { content: ${cssString(runningHead)}; font: 8pt system-ui, sans-serif; color: #444; }`,
    `  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #444; } }`,
    `@page :first { @top-left { content: none; } }`,
  ].join('\n');
}
