/**
 * How the adding of the reader's files goes: a progress bar with the file being read, the time
 * left and Cancel while it runs; then what it did (with links to the articles added and, folded,
 * each file not added and why), or why it stopped (with Retry where sending again may help).
 *
 * Not a dialog: it sits at the foot of the library sidebar, or above the page on narrower
 * windows, never over the text, and reading and searching go on meanwhile. Screen readers hear
 * the start and the end (a polite status), not every file.
 */
import { useEffect, useId, useRef, type RefObject } from 'react';
import type { ImportView } from '../hooks/useImport';
import { NOTHING_TO_ADD } from '../hooks/useImport';
import { plural } from '../format';
import { countOutcomes, notableOutcomes, openableOutcomes, outcomeReason, progressLabel, summaryText, timeLeft } from '../import-model';
import { ArticleLink } from './ArticleLink';
import './ImportPanel.css';

/** Most articles linked from the summary; past that, the library shows them all. */
export const LINKED_ARTICLES = 5;

interface Props {
  /** What to show (nothing but the announcements while idle). */
  readonly view: ImportView;
  /** What screen readers are told (a new `seq` for each message). */
  readonly announcement: { readonly seq: number; readonly text: string } | undefined;
  /** Where it is drawn: at the foot of the library sidebar, or above the page. */
  readonly placement: 'sidebar' | 'page';
  /** Stop adding. */
  readonly onCancel: () => void;
  /** Send again what failed to go. */
  readonly onRetry: () => void;
  /** Put the summary away. */
  readonly onDismiss: () => void;
  /** Open an article that was added. */
  readonly onOpenArticle: (id: string) => void;
  /** Show the reader's own articles in the library (when more were added than are linked). */
  readonly onShowYours: () => void;
}

/** The progress, the summary or the failure, and the announcements. */
export function ImportPanel({ view, announcement, placement, onCancel, onRetry, onDismiss, onOpenArticle, onShowYours }: Readonly<Props>) {
  const id = useId();
  const titleId = `${id}-title`;
  const barId = `${id}-bar`;
  const panel = useRef<HTMLElement>(null);
  const title = useRef<HTMLParagraphElement>(null);
  // Whether the reader was working in the panel (Cancel, Retry): when the control they used goes
  // with the step it belonged to, focus goes to the title of what replaces it.
  const focusInside = useRef(false);
  useEffect(() => {
    if (!focusInside.current) return;
    const active = document.activeElement;
    if (active === null || active === document.body) title.current?.focus({ preventScroll: true });
  }, [view.phase]);

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement && <span key={announcement.seq}>{announcement.text}</span>}
      </p>
      {view.phase !== 'idle' && (
        <section
          ref={panel}
          className={`import-panel import-panel--${placement} import-panel--${view.phase}`}
          aria-labelledby={titleId}
          onFocus={() => (focusInside.current = true)}
          onBlur={(event) => {
            if (event.relatedTarget !== null && !event.currentTarget.contains(event.relatedTarget)) focusInside.current = false;
          }}
        >
          {view.phase === 'finding' && (
            <>
              <p id={titleId} ref={title} className="import-panel__title" tabIndex={-1}>
                Adding articles
              </p>
              <label htmlFor={barId} className="import-panel__label">
                Looking through the folders…
              </label>
              <progress id={barId} className="import-panel__bar" />
            </>
          )}
          {view.phase === 'running' && (
            <>
              <p id={titleId} ref={title} className="import-panel__title" tabIndex={-1}>
                Adding articles
              </p>
              <label htmlFor={barId} className="import-panel__label">
                {view.cancelling ? 'Stopping…' : progressLabel(view.done, view.total)}
              </label>
              <progress id={barId} className="import-panel__bar" max={Math.max(1, view.total)} value={Math.min(view.done, view.total)} />
              <p className="import-panel__detail">
                {view.current !== undefined && !view.cancelling && (
                  <>
                    Reading <span className="import-panel__file">{view.current}</span>
                  </>
                )}
                {view.current !== undefined && !view.cancelling && timeLeft(view.secondsLeft) !== undefined && ' · '}
                {!view.cancelling && timeLeft(view.secondsLeft)}
              </p>
              <div className="import-panel__actions">
                <button type="button" className="button" aria-disabled={view.cancelling} onClick={() => !view.cancelling && onCancel()}>
                  Cancel<span className="visually-hidden"> adding files</span>
                </button>
              </div>
            </>
          )}
          {view.phase === 'finished' && (
            <Summary view={view} titleId={titleId} titleRef={title} onOpenArticle={onOpenArticle} onShowYours={onShowYours} onDismiss={onDismiss} />
          )}
          {view.phase === 'failed' && (
            <>
              <p id={titleId} ref={title} className="import-panel__title import-panel__title--error" tabIndex={-1}>
                Adding stopped
              </p>
              <p className="import-panel__error">{view.message}</p>
              {view.detail && <p className="import-panel__tech">{view.detail}</p>}
              {view.outcomes.length > 0 && <p className="import-panel__summary">Before it stopped: {summaryText(countOutcomes(view.outcomes))}.</p>}
              <div className="import-panel__actions">
                {view.canRetry && (
                  <button type="button" className="button" onClick={onRetry}>
                    Retry
                  </button>
                )}
                <button type="button" className="button" onClick={onDismiss}>
                  Dismiss<span className="visually-hidden"> this message</span>
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}

interface SummaryProps {
  readonly view: Extract<ImportView, { phase: 'finished' }>;
  readonly titleId: string;
  readonly titleRef: RefObject<HTMLParagraphElement | null>;
  readonly onOpenArticle: (id: string) => void;
  readonly onShowYours: () => void;
  readonly onDismiss: () => void;
}

/** What an import did. */
function Summary({ view, titleId, titleRef, onOpenArticle, onShowYours, onDismiss }: Readonly<SummaryProps>) {
  const openable = openableOutcomes(view.outcomes);
  const notable = notableOutcomes(view.outcomes);
  return (
    <>
      <p id={titleId} ref={titleRef} className="import-panel__title" tabIndex={-1}>
        {view.cancelled ? 'Adding cancelled' : 'Done adding files'}
      </p>
      <p className="import-panel__summary">{view.outcomes.length === 0 ? NOTHING_TO_ADD : summaryText(countOutcomes(view.outcomes))}</p>
      {openable.length > 0 && (
        <ul className="import-panel__added" aria-label="Articles added">
          {openable.slice(0, LINKED_ARTICLES).map((article) => (
            <li key={article.id}>
              <ArticleLink className="import-panel__link" articleId={article.id} onOpen={onOpenArticle}>
                {article.title}
              </ArticleLink>
            </li>
          ))}
        </ul>
      )}
      {notable.length > 0 && (
        <details className="import-panel__details">
          <summary>
            Why {plural(notable.length, 'file was', 'files were')} not added
          </summary>
          <ul className="import-panel__outcomes">
            {notable.map((outcome, i) => (
              <li key={`${i}-${outcome.name}`} data-status={outcome.status}>
                <span className="import-panel__file">{outcome.name}</span>: {outcomeReason(outcome)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="import-panel__actions">
        {openable.length > LINKED_ARTICLES && (
          <button type="button" className="button" onClick={onShowYours}>
            Show all your articles
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          Dismiss<span className="visually-hidden"> summary</span>
        </button>
      </div>
    </>
  );
}
