/**
 * One section of an article's body: its heading (if it has one) and its passages, each drawn as
 * the element its kind calls for, addressable by its passage id, with its actions beside it.
 */
import type { Passage } from '../../../shared/model';
import { passageDomId, sectionDomId, type Block, type BodyHeadingLevel, type SectionLayout } from '../article-layout';
import { PassageRow, type PassageActions } from './PassageRow';
import { usePrintMode } from './print-mode';
import './ArticleSection.css';

interface Props {
  /** The section, its heading level and its blocks. */
  readonly layout: SectionLayout;
  /** The bookmark state and the row actions. */
  readonly actions: PassageActions;
}

/**
 * The attributes every passage element carries: its address, and focusability for landing on it
 * (in print, only its id as data and its class).
 */
function passageAttributes(passage: Passage, className: string, print: boolean) {
  if (print) return { 'data-passage-id': passage.id, className: `passage ${className}` };
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

interface PassageProps {
  /** The passage to draw. */
  readonly passage: Passage;
  /** The bookmark state and the row actions. */
  readonly actions: PassageActions;
}

/** A passage that is not a list item, with its bookmark toggle. */
function PassageView({ passage, actions }: Readonly<PassageProps>) {
  return (
    <PassageRow id={passage.id} target="passage" actions={actions}>
      <PassageBody passage={passage} />
    </PassageRow>
  );
}

/** A passage that is not a list item. */
function PassageBody({ passage }: Readonly<{ passage: Passage }>) {
  const print = usePrintMode();
  switch (passage.kind) {
    case 'table':
      return <div {...passageAttributes(passage, 'passage--table table-wrap', print)} dangerouslySetInnerHTML={engineHtml(passage)} />;
    case 'quote':
      return (
        <blockquote {...passageAttributes(passage, 'passage--quote', print)}>
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
      return <p {...passageAttributes(passage, 'passage--question', print)} dangerouslySetInnerHTML={engineHtml(passage)} />;
    default:
      return <p {...passageAttributes(passage, `passage--${passage.kind}`, print)} dangerouslySetInnerHTML={engineHtml(passage)} />;
  }
}

interface BlockProps {
  /** The block to draw. */
  readonly block: Block;
  /** The bookmark state and the row actions. */
  readonly actions: PassageActions;
}

function BlockView({ block, actions }: Readonly<BlockProps>) {
  const print = usePrintMode();
  if (block.type === 'passage') return <PassageView passage={block.passage} actions={actions} />;
  const List = block.ordered ? 'ol' : 'ul';
  return (
    <List className="passage-list">
      {block.items.map((item) => (
        <li key={item.id} className="passage-list__item">
          <PassageRow id={item.id} target="passage" actions={actions}>
            <div {...passageAttributes(item, 'passage--list-item', print)} dangerouslySetInnerHTML={engineHtml(item)} />
          </PassageRow>
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
  const print = usePrintMode();
  return (
    <H
      id={print ? undefined : id}
      data-passage-id={passageId}
      className={passageId ? 'section__heading passage' : 'section__heading'}
      tabIndex={print ? undefined : -1}
    >
      {title}
    </H>
  );
}

/** A body section, wrapped in a `<section>` whose id is the section's. */
export function ArticleSection({ layout, actions }: Readonly<Props>) {
  const { section, headingLevel, question, blocks } = layout;
  const className = section.role ? `article-section article-section--${section.role}` : 'article-section';
  const print = usePrintMode();
  return (
    <section id={print ? undefined : sectionDomId(section.id)} data-section-id={section.id} className={className}>
      {headingLevel !== undefined && (
        <PassageRow id={question ? question.id : section.id} target={question ? 'passage' : 'section'} actions={actions} className="bookmark-row--heading">
          <Heading
            level={headingLevel}
            id={question ? passageDomId(question.id) : undefined}
            passageId={question?.id}
            title={section.title}
          />
        </PassageRow>
      )}
      {blocks.map((block) => (
        <BlockView key={block.type === 'list' ? `list-${block.id}` : block.passage.id} block={block} actions={actions} />
      ))}
    </section>
  );
}
