/**
 * The print preview: the choices (what to print, reader comments, paper, margins) beside the page
 * as it will print, and the buttons that print it or save it as a PDF. While it is open, printing
 * (from here, the browser or the system) prints the page shown here and nothing else.
 */
import { useEffect, useId, useInsertionEffect, useMemo, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { MARGIN_SIZES, PAPER_SIZES, type MarginSize, type PaperSize, type PrintScope } from '../../../shared/print';
import './PrintPreview.css';

/** The choices the preview offers. */
export interface PrintOptions {
  readonly scope: PrintScope;
  readonly includeComments: boolean;
  /** Whether the article's highlights are marked in it. */
  readonly includeHighlights: boolean;
  readonly paper: PaperSize;
  readonly margins: MarginSize;
}

/** What can be chosen from here. */
export interface PrintAvailability {
  /** Whether an article is open (the article scopes need one). */
  readonly article: boolean;
  /** The title of the section being read, if any. */
  readonly sectionTitle: string | undefined;
  /** How many passages were selected when the preview opened. */
  readonly selected: number;
  /** How many bookmarks there are. */
  readonly bookmarks: number;
  /** How many reader comments the article has. */
  readonly comments: number;
  /** How many highlights of the article can be marked in it. */
  readonly highlights: number;
}

interface Props {
  readonly options: PrintOptions;
  readonly available: PrintAvailability;
  /** Change a choice. */
  readonly onChange: (patch: Partial<PrintOptions>) => void;
  /** Print the page (system or browser dialog). */
  readonly onPrint: () => void;
  /** Save the page as a PDF. */
  readonly onSavePdf: () => void;
  /** Close the preview. */
  readonly onClose: () => void;
  /** What the last action did ("Saved to …"), or an error. */
  readonly message: string;
  /** The @page rules for the chosen paper and margins. */
  readonly pageRules: string;
  /** The document to print. */
  readonly children: ReactNode;
}

const PAPER_LABELS: Readonly<Record<PaperSize, string>> = { A4: 'A4', Letter: 'US Letter' };
const MARGIN_LABELS: Readonly<Record<MarginSize, string>> = { narrow: 'Narrow', normal: 'Normal', wide: 'Wide' };

/**
 * A style sheet in force while the caller is mounted. Constructed and adopted through the CSSOM,
 * which the CSP allows, rather than a <style> element, which `style-src 'self'` blocks.
 */
function useAdoptedStyleSheet(css: string): void {
  const sheet = useMemo(() => new CSSStyleSheet(), []);
  useInsertionEffect(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useInsertionEffect(() => sheet.replaceSync(css), [sheet, css]);
}

/** The preview dialog, drawn over the app (which is inert meanwhile). */
export function PrintPreview({ options, available, onChange, onPrint, onSavePdf, onClose, message, pageRules, children }: Readonly<Props>) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  useAdoptedStyleSheet(pageRules);

  // The app behind is inert while the preview is open; focus goes back where it was on close.
  useEffect(() => {
    const root = document.getElementById('root');
    const before = document.activeElement;
    if (root) root.inert = true;
    const first = dialog.current?.querySelector<HTMLInputElement>('input:checked:not(:disabled)');
    (first ?? firstField.current)?.focus();
    return () => {
      if (root) root.inert = false;
      if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    };
  }, []);

  const scopes: { scope: PrintScope; label: string; disabled: boolean }[] = [
    { scope: 'article', label: 'The whole article', disabled: !available.article },
    {
      scope: 'section',
      label: available.sectionTitle ? `This section: ${available.sectionTitle}` : 'This section',
      disabled: !available.article || available.sectionTitle === undefined,
    },
    {
      scope: 'selection',
      label: available.selected > 0 ? `Selected passages (${available.selected})` : 'Selected passages (select text in the article first)',
      disabled: !available.article || available.selected === 0,
    },
    { scope: 'bookmarks', label: `Bookmarks with notes (${available.bookmarks})`, disabled: false },
  ];
  const commentsApply = available.comments > 0 && (options.scope === 'article' || options.scope === 'selection');
  const highlightsApply = available.highlights > 0 && options.scope !== 'bookmarks';

  return createPortal(
    <div
      ref={dialog}
      className="print-preview"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <form className="print-preview__bar" onSubmit={(event) => event.preventDefault()}>
        <h2 id={titleId} className="print-preview__title">
          Print
        </h2>
        <fieldset className="print-preview__group">
          <legend>What to print</legend>
          {scopes.map(({ scope, label, disabled }, i) => (
            <label key={scope} className="print-preview__choice">
              <input
                ref={i === 0 ? firstField : undefined}
                type="radio"
                name="print-scope"
                value={scope}
                checked={options.scope === scope}
                disabled={disabled}
                onChange={() => onChange({ scope })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="print-preview__choice">
          <input
            type="checkbox"
            checked={commentsApply && options.includeComments}
            disabled={!commentsApply}
            onChange={(event) => onChange({ includeComments: event.target.checked })}
          />
          Include reader comments{available.comments > 0 ? ` (${available.comments})` : ''}
        </label>
        <label className="print-preview__choice">
          <input
            type="checkbox"
            checked={highlightsApply && options.includeHighlights}
            disabled={!highlightsApply}
            onChange={(event) => onChange({ includeHighlights: event.target.checked })}
          />
          Highlights{available.highlights > 0 ? ` (${available.highlights})` : ''}
        </label>
        <div className="print-preview__fields">
          <label>
            Paper
            <select className="select" value={options.paper} onChange={(event) => onChange({ paper: event.target.value as PaperSize })}>
              {PAPER_SIZES.map((paper) => (
                <option key={paper} value={paper}>
                  {PAPER_LABELS[paper]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Margins
            <select className="select" value={options.margins} onChange={(event) => onChange({ margins: event.target.value as MarginSize })}>
              {MARGIN_SIZES.map((margins) => (
                <option key={margins} value={margins}>
                  {MARGIN_LABELS[margins]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="print-preview__actions">
          <button type="button" className="button button--primary" onClick={onPrint}>
            Print…
          </button>
          <button type="button" className="button" onClick={onSavePdf}>
            Save as PDF…
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="print-preview__message" role="status">
          {message}
        </p>
      </form>
      {/* A focus stop of its own, so that the keyboard can scroll the paper. */}
      <div className="print-preview__stage" role="region" aria-label="Preview" tabIndex={0}>
        <div className={`print-preview__paper print-preview__paper--${options.paper} print-preview__paper--${options.margins}`}>{children}</div>
      </div>
    </div>,
    document.body,
  );
}
