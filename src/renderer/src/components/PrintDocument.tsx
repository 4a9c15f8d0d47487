/**
 * The print layout: a citation header, then the chosen part of the article drawn by the reader's
 * own components (in print mode), or the bookmarks list with notes. Highlights print in it as
 * their words and colour's name, black on white: the colour only as the thin rule beside the words.
 */
import { useMemo, useRef } from 'react';
import { HIGHLIGHT_COLORS, HIGHLIGHT_COLOR_NAMES, isHighlight, type BookmarkView } from '../../../shared/bookmarks';
import type { Article } from '../../../shared/model';
import { layoutArticle } from '../article-layout';
import { groupBookmarks } from '../bookmarks-model';
import { citedSource, formatDate, formatShortDate } from '../format';
import { usePrintedHighlights } from '../hooks/useHighlightLayer';
import type { PrintableArticle } from '../print-model';
import { ArticleNotice } from './ArticleNotice';
import { ArticleSection } from './ArticleSection';
import { CommentsSection } from './CommentsSection';
import type { PassageActions } from './PassageRow';
import { PrintModeContext } from './print-mode';
import './PrintDocument.css';

interface Props {
  /** The article printed from (its metadata heads the page). */
  readonly article: Article | undefined;
  /** The part of it to print; undefined prints the bookmarks list. */
  readonly printable: PrintableArticle | undefined;
  /** Every bookmark, for the bookmarks list. */
  readonly bookmarks: readonly BookmarkView[];
  /** When it is printed (the citation says so). */
  readonly printedAt: Date;
  /** The article's highlights to mark in it (none when they are not chosen). */
  readonly highlights: readonly BookmarkView[];
}

/** Nothing to act on in a print. */
const NO_ACTIONS: PassageActions = {
  bookmarked: new Set(),
  onToggleBookmark: () => undefined,
  onCopyLink: () => undefined,
  onCopyWithCitation: () => undefined,
};
const noop = (): void => undefined;

/** A date as the reader's calendar has it (YYYY-MM-DD), not UTC's. */
function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The citation: what is printed, where it comes from and when it was published (an article's), and when it was printed. */
function Citation({ title, part, article, printedAt, notice }: Readonly<{
  title: string;
  part: string | undefined;
  article: { readonly source?: string; readonly author?: string; readonly published?: string } | undefined;
  printedAt: Date;
  notice: string | undefined;
}>) {
  return (
    <header className="print-citation">
      {part && <p className="print-citation__part">{part}</p>}
      <h1 className="print-citation__title">{title}</h1>
      <dl className="print-citation__facts">
        {article && (
          <>
            <div>
              <dt>Source</dt>
              <dd>{citedSource(article)}</dd>
            </div>
            <div>
              <dt>Published</dt>
              <dd>{article.published ? formatDate(article.published) : 'date not given'}</dd>
            </div>
          </>
        )}
        <div>
          <dt>Printed</dt>
          <dd>{formatDate(localDate(printedAt))}</dd>
        </div>
      </dl>
      {notice && <ArticleNotice text={notice} />}
    </header>
  );
}

/** The bookmarks, grouped by article: section, quote (a section's opening lines; a highlight's words and colour), note and tags. */
function BookmarkList({ bookmarks }: Readonly<{ bookmarks: readonly BookmarkView[] }>) {
  const groups = useMemo(() => groupBookmarks(bookmarks, 'article', formatShortDate), [bookmarks]);
  if (groups.length === 0) return <p>No bookmarks yet.</p>;
  return groups.map((group) => (
    <section key={group.key} className="print-bookmarks__group">
      <h2>{group.label}</h2>
      <ol className="print-bookmarks__list">
        {group.bookmarks.map((b) => (
          <li key={b.id} className="print-bookmark">
            {b.sectionTitle && <p className="print-bookmark__section">{b.sectionTitle}</p>}
            {isHighlight(b) && <p className="print-bookmark__kind">{HIGHLIGHT_COLOR_NAMES[b.color]} highlight</p>}
            {b.status === 'orphaned' && <p className="print-bookmark__status">No longer in the article:</p>}
            {/* A section's quote is its title, just printed above it: what the section says goes under it. */}
            {b.target === 'section' && b.status !== 'orphaned' ? (
              b.excerpt && <blockquote className="print-bookmark__quote">{b.excerpt}</blockquote>
            ) : (
              <blockquote className="print-bookmark__quote" data-color={isHighlight(b) ? b.color : undefined}>
                {b.quote.exact}
              </blockquote>
            )}
            {b.note && <p className="print-bookmark__note">Note: {b.note}</p>}
            {b.tags.length > 0 && <p className="print-bookmark__tags">Tags: {b.tags.join(', ')}</p>}
          </li>
        ))}
      </ol>
    </section>
  ));
}

/** How each colour's highlights are underlined in print, so that they tell apart in black and white. */
const PRINTED_LINES = { yellow: 'solid', green: 'dashed', blue: 'dotted', pink: 'double' } as const;

/** The line under the citation that says how the highlights printed are marked, colour by colour. */
function HighlightsKey({ highlights }: Readonly<{ highlights: readonly BookmarkView[] }>) {
  const used = HIGHLIGHT_COLORS.filter((c) => highlights.some((h) => h.color === c));
  if (used.length === 0) return null;
  return (
    <p className="print-highlights-key">
      Highlights: {used.map((c) => `${HIGHLIGHT_COLOR_NAMES[c].toLowerCase()} (${PRINTED_LINES[c]} underline)`).join(', ')}.
    </p>
  );
}

/** The document to print (and to preview). */
export function PrintDocument({ article, printable, bookmarks, printedAt, highlights }: Readonly<Props>) {
  const sections = useMemo(() => (printable ? layoutArticle(printable) : []), [printable]);
  const printed = useRef<HTMLElement>(null);
  usePrintedHighlights(printed, printable && article, highlights);
  return (
    <PrintModeContext value={true}>
      <div className="print-document">
        {printable && article ? (
          <article ref={printed}>
            <Citation
              title={article.title}
              part={printable.part}
              article={article}
              printedAt={printedAt}
              notice={article.notice}
            />
            <HighlightsKey highlights={highlights} />
            <div className="article__body">
              {sections.map((layout) => (
                <ArticleSection key={layout.section.id} layout={layout} actions={NO_ACTIONS} />
              ))}
            </div>
            <CommentsSection comments={printable.comments} open onOpenChange={noop} actions={NO_ACTIONS} />
          </article>
        ) : (
          <article>
            <Citation title="Bookmarks" part={undefined} article={undefined} printedAt={printedAt} notice={undefined} />
            <BookmarkList bookmarks={bookmarks} />
          </article>
        )}
      </div>
    </PrintModeContext>
  );
}
