/**
 * One section of an article's body: its heading (if it has one) and its passages, each drawn as
 * the element its kind calls for and addressable by its passage id.
 */
import type { ReactNode } from 'react';
import type { Passage } from '../../../shared/model';
import { passageDomId, sectionDomId, type Block, type BodyHeadingLevel, type SectionLayout } from '../article-layout';
import { BookmarkButton } from './BookmarkButton';
import './ArticleSection.css';

/** Toggle the bookmark of a passage or a section. */
export type ToggleBookmark = (target: 'passage' | 'section', id: string) => void;

/** What the parts of a section need to draw and toggle bookmarks. */
interface BookmarkProps {
  /** Ids of the bookmarked passages and sections. */
  readonly bookmarked: ReadonlySet<string>;
  /** Toggle a bookmark. */
  readonly onToggleBookmark: ToggleBookmark;
}

interface Props extends BookmarkProps {
  /** The section, its heading level and its blocks. */
  readonly layout: SectionLayout;
}

/** The attributes every passage element carries: its address, and focusability for landing on it. */
function passageAttributes(passage: Passage, className: string) {
  return {
    id: passageDomId(passage.id),
    'data-passage-id': passage.id,
    tabIndex: -1,
    className: `passage ${className}`,
  };
}

/** HTML the engine has already sanitized (raw HTML in the sources is escaped, never passed on). */
function engineHtml(passage: Passage): { __html: string } {
  return { __html: passage.html };
}

interface PassageProps extends BookmarkProps {
  /** The passage to draw. */
  readonly passage: Passage;
}

interface RowProps extends BookmarkProps {
  /** The passage or section id. */
  readonly id: string;
  /** What the toggle bookmarks. */
  readonly target: 'passage' | 'section';
  /** Extra class names. */
  readonly className?: string;
  /** The passage or heading itself. */
  readonly children: ReactNode;
}

/**
 * A passage (or heading) with its bookmark toggle beside it; marked in the margin when bookmarked.
 * The toggle shows on hover and when focus is within the row (and always when on).
 */
function BookmarkRow({ id, target, bookmarked, onToggleBookmark, className, children }: Readonly<RowProps>) {
  const on = bookmarked.has(id);
  return (
    <div
      className={`bookmark-row${className ? ` ${className}` : ''}`}
      data-bookmarked={on || undefined}
      data-bookmark-target={target}
      data-bookmark-id={id}
    >
      {children}
      <div className="bookmark-row__toggle">
        <BookmarkButton pressed={on} target={target} onToggle={() => onToggleBookmark(target, id)} />
      </div>
    </div>
  );
}

/** A passage that is not a list item, with its bookmark toggle. */
function PassageView(props: Readonly<PassageProps>) {
  return (
    <BookmarkRow id={props.passage.id} target="passage" bookmarked={props.bookmarked} onToggleBookmark={props.onToggleBookmark}>
      <PassageBody passage={props.passage} />
    </BookmarkRow>
  );
}

/** A passage that is not a list item. */
function PassageBody({ passage }: Readonly<{ passage: Passage }>) {
  switch (passage.kind) {
    case 'table':
      return <div {...passageAttributes(passage, 'passage--table table-wrap')} dangerouslySetInnerHTML={engineHtml(passage)} />;
    case 'quote':
      return (
        <blockquote {...passageAttributes(passage, 'passage--quote')}>
          <div className="passage__quote-text" dangerouslySetInnerHTML={engineHtml(passage)} />
          {passage.attribution && (
            <footer className="passage__attribution">
              — <cite>{passage.attribution}</cite>
            </footer>
          )}
        </blockquote>
      );
    case 'question':
      // Only a question outside a question section gets here; it still must not be lost.
      return <p {...passageAttributes(passage, 'passage--question')} dangerouslySetInnerHTML={engineHtml(passage)} />;
    default:
      return <p {...passageAttributes(passage, `passage--${passage.kind}`)} dangerouslySetInnerHTML={engineHtml(passage)} />;
  }
}

interface BlockProps extends BookmarkProps {
  /** The block to draw. */
  readonly block: Block;
}

function BlockView({ block, bookmarked, onToggleBookmark }: Readonly<BlockProps>) {
  if (block.type === 'passage') return <PassageView passage={block.passage} bookmarked={bookmarked} onToggleBookmark={onToggleBookmark} />;
  const List = block.ordered ? 'ol' : 'ul';
  return (
    <List className="passage-list">
      {block.items.map((item) => (
        <li key={item.id} className="passage-list__item">
          <BookmarkRow id={item.id} target="passage" bookmarked={bookmarked} onToggleBookmark={onToggleBookmark}>
            <div {...passageAttributes(item, 'passage--list-item')} dangerouslySetInnerHTML={engineHtml(item)} />
          </BookmarkRow>
        </li>
      ))}
    </List>
  );
}

interface HeadingProps {
  /** Heading level, 2 to 6. */
  readonly level: BodyHeadingLevel;
  /** Element id (the question's passage id for question headings). */
  readonly id: string | undefined;
  /** The passage id a question heading stands for. */
  readonly passageId: string | undefined;
  /** Heading text. */
  readonly title: string;
}

function Heading({ level, id, passageId, title }: Readonly<HeadingProps>) {
  const H = `h${level}` as const;
  return (
    <H id={id} data-passage-id={passageId} className={passageId ? 'section__heading passage' : 'section__heading'} tabIndex={-1}>
      {title}
    </H>
  );
}

/** A body section, wrapped in a `<section>` whose id is the section's. */
export function ArticleSection({ layout, bookmarked, onToggleBookmark }: Readonly<Props>) {
  const { section, headingLevel, question, blocks } = layout;
  const className = section.role ? `article-section article-section--${section.role}` : 'article-section';
  return (
    <section id={sectionDomId(section.id)} className={className}>
      {headingLevel !== undefined && (
        <BookmarkRow
          id={question ? question.id : section.id}
          target={question ? 'passage' : 'section'}
          bookmarked={bookmarked}
          onToggleBookmark={onToggleBookmark}
          className="bookmark-row--heading"
        >
          <Heading
            level={headingLevel}
            id={question ? passageDomId(question.id) : undefined}
            passageId={question?.id}
            title={section.title}
          />
        </BookmarkRow>
      )}
      {blocks.map((block) => (
        <BlockView
          key={block.type === 'list' ? `list-${block.id}` : block.passage.id}
          block={block}
          bookmarked={bookmarked}
          onToggleBookmark={onToggleBookmark}
        />
      ))}
    </section>
  );
}
