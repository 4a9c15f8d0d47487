/**
 * The "Search help" button beside the search box and the small non-modal dialog it opens, which
 * lists the query language. Escape, or focus moving elsewhere, closes it; Escape also puts focus
 * back on the button.
 */
import { useEffect, useId, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import './SearchHelp.css';

interface Props {
  /** Whether the help is showing. */
  readonly open: boolean;
  /** Show or hide the help. */
  readonly onOpenChange: (open: boolean) => void;
}

/** What each part of the query language does. */
const SYNTAX: readonly { readonly example: string; readonly meaning: string }[] = [
  { example: 'dry mouth', meaning: 'Passages with any of the words; those with more of them come first. Other forms and near spellings count.' },
  { example: '"exact phrase"', meaning: 'The words together, in this order.' },
  { example: '-word', meaning: 'Leaves out passages with the word.' },
  { example: 'sleep OR insomnia', meaning: 'Either word.' },
  { example: 'article:sleep', meaning: 'Only in one article, named by its id or words of its title.' },
  { example: 'in:comments', meaning: 'Only in reader comments.' },
  { example: 'in:body', meaning: 'Only in the articles themselves, not the comments.' },
  { example: 'in:faq', meaning: 'Only in questions and answers.' },
  { example: 'in:table', meaning: 'Only in tables.' },
];

/** The help button and its dialog. */
export function SearchHelp({ open, onOpenChange }: Readonly<Props>) {
  const id = useId();
  const dialogId = `${id}-dialog`;
  const titleId = `${id}-title`;
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  // Opening moves focus into the dialog, so that it is read out and Escape reaches it.
  useEffect(() => {
    if (open) dialog.current?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    onOpenChange(false);
    button.current?.focus();
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (open && !event.currentTarget.contains(event.relatedTarget)) onOpenChange(false);
  };

  return (
    <div className="search-help" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="search-help__button"
        aria-expanded={open}
        aria-controls={dialogId}
        title="Search help"
        onClick={() => onOpenChange(!open)}
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">Search help</span>
      </button>
      <div ref={dialog} id={dialogId} className="search-help__dialog" role="dialog" aria-labelledby={titleId} tabIndex={-1} hidden={!open}>
        <h2 id={titleId} className="search-help__title">
          Search help
        </h2>
        <dl className="search-help__list">
          {SYNTAX.map(({ example, meaning }) => (
            <div key={example} className="search-help__item">
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="search-help__keys">
          <kbd>↑</kbd> <kbd>↓</kbd> move through suggestions and results, <kbd>Enter</kbd> opens one, <kbd>Esc</kbd> closes the list.
        </p>
      </div>
    </div>
  );
}
