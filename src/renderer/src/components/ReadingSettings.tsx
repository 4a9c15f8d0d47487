/**
 * The "Reading settings" button in the header and the small dialog it opens: theme, text size
 * and line width, applied as they change. Escape or the Close button closes it and puts focus
 * back on the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ReaderSettings } from '../../../shared/bookmarks';
import './ReadingSettings.css';

interface Props {
  /** The current settings. */
  readonly settings: ReaderSettings;
  /** The text sizes offered, in percent, smallest first. */
  readonly fontSizes: readonly number[];
  /** Change some settings. */
  readonly onChange: (patch: Partial<ReaderSettings>) => void;
}

const THEMES: readonly { value: ReaderSettings['theme']; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const WIDTHS: readonly { value: ReaderSettings['lineWidth']; label: string }[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' },
];

/** The settings button and its dialog. */
export function ReadingSettings({ settings, fontSizes, onChange }: Readonly<Props>) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.show();
      // Into the dialog, on the chosen theme, so that Escape and the arrow keys reach it.
      el.querySelector<HTMLInputElement>('input:checked')?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  // A stored size between two offered ones steps from the one below it.
  const index = Math.max(0, fontSizes.findLastIndex((s) => s <= settings.fontSize));
  const step = (by: 1 | -1): void => {
    const next = fontSizes[index + by];
    if (next !== undefined) onChange({ fontSize: next });
  };

  return (
    <div className="reading-settings">
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-dialog`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Reading settings
      </button>
      <dialog
        ref={dialog}
        id={`${id}-dialog`}
        className="reading-settings__dialog"
        aria-labelledby={`${id}-title`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      >
        <h2 id={`${id}-title`} className="reading-settings__title">
          Reading settings
        </h2>
        <fieldset className="reading-settings__group">
          <legend>Theme</legend>
          {THEMES.map((t) => (
            <label key={t.value} className="reading-settings__option">
              <input type="radio" name={`${id}-theme`} checked={settings.theme === t.value} onChange={() => onChange({ theme: t.value })} />
              {t.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="reading-settings__group">
          <legend>Text size</legend>
          <button type="button" className="button" disabled={index === 0} onClick={() => step(-1)}>
            <span aria-hidden="true">A−</span>
            <span className="visually-hidden">Smaller text</span>
          </button>
          <output className="reading-settings__size" aria-live="polite">
            {settings.fontSize}%
          </output>
          <button type="button" className="button" disabled={index === fontSizes.length - 1} onClick={() => step(1)}>
            <span aria-hidden="true">A+</span>
            <span className="visually-hidden">Larger text</span>
          </button>
        </fieldset>
        <fieldset className="reading-settings__group">
          <legend>Line width</legend>
          {WIDTHS.map((w) => (
            <label key={w.value} className="reading-settings__option">
              <input type="radio" name={`${id}-width`} checked={settings.lineWidth === w.value} onChange={() => onChange({ lineWidth: w.value })} />
              {w.label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </dialog>
    </div>
  );
}
