/**
 * The "Reading settings" button in the header and the small dialog it opens: theme, text size,
 * font, line spacing, line width, margins and how copied words are cited, applied as they change. Escape or the Close button
 * closes it and puts focus back on the button.
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

/** One choice of a radio group: its stored value and its label. */
interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** A class for the label (the font choices are shown in their own face). */
  readonly className?: string;
}

const THEMES: readonly Choice<ReaderSettings['theme']>[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'sepia', label: 'Sepia' },
];

const FONTS: readonly Choice<ReaderSettings['fontFamily']>[] = [
  { value: 'serif', label: 'Serif', className: 'reading-settings__face--serif' },
  { value: 'sans', label: 'Sans-serif', className: 'reading-settings__face--sans' },
  { value: 'system', label: 'System font', className: 'reading-settings__face--system' },
];

const SPACINGS: readonly Choice<ReaderSettings['lineSpacing']>[] = [
  { value: 'compact', label: 'Compact' },
  { value: 'normal', label: 'Normal' },
  { value: 'relaxed', label: 'Relaxed' },
];

const WIDTHS: readonly Choice<ReaderSettings['lineWidth']>[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' },
];

const MARGINS: readonly Choice<ReaderSettings['margins']>[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'normal', label: 'Normal' },
  { value: 'wide', label: 'Wide' },
];

const CITATION_STYLES: readonly Choice<ReaderSettings['citationStyle']>[] = [
  { value: 'plain', label: 'Plain' },
  { value: 'apa', label: 'APA' },
  { value: 'mla', label: 'MLA' },
];

/** A labelled group of radio buttons, one per choice. */
function ChoiceGroup<T extends string>({ legend, name, choices, value, onChange, hint }: Readonly<{
  /** The group's label. */
  legend: string;
  /** The radios' shared name. */
  name: string;
  choices: readonly Choice<T>[];
  /** The chosen value. */
  value: T;
  onChange: (value: T) => void;
  /** A line under the legend that says more (read as the group's description). */
  hint?: string;
}>) {
  const hintId = useId();
  return (
    <fieldset className="reading-settings__group reading-settings__group--choices" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="reading-settings__hint">
          {hint}
        </p>
      )}
      <div className="reading-settings__choices">
        {choices.map((c) => (
          <label key={c.value} className={c.className ? `reading-settings__option ${c.className}` : 'reading-settings__option'}>
            <input type="radio" name={name} checked={value === c.value} onChange={() => onChange(c.value)} />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

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
        <ChoiceGroup legend="Theme" name={`${id}-theme`} choices={THEMES} value={settings.theme} onChange={(theme) => onChange({ theme })} />
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
        <ChoiceGroup legend="Font" name={`${id}-font`} choices={FONTS} value={settings.fontFamily} onChange={(fontFamily) => onChange({ fontFamily })} />
        <ChoiceGroup
          legend="Line spacing"
          name={`${id}-spacing`}
          choices={SPACINGS}
          value={settings.lineSpacing}
          onChange={(lineSpacing) => onChange({ lineSpacing })}
        />
        <ChoiceGroup legend="Line width" name={`${id}-width`} choices={WIDTHS} value={settings.lineWidth} onChange={(lineWidth) => onChange({ lineWidth })} />
        <ChoiceGroup
          legend="Margins"
          name={`${id}-margins`}
          choices={MARGINS}
          value={settings.margins}
          onChange={(margins) => onChange({ margins })}
          hint="Beside the text, and around printed pages."
        />
        <ChoiceGroup
          legend="Citation style"
          name={`${id}-citation`}
          choices={CITATION_STYLES}
          value={settings.citationStyle}
          onChange={(citationStyle) => onChange({ citationStyle })}
          hint="How Copy with citation cites the words it copies."
        />
        <label className="reading-settings__group reading-settings__option reading-settings__switch">
          <input type="checkbox" checked={settings.copyWithCitation} onChange={(event) => onChange({ copyWithCitation: event.target.checked })} />
          Ctrl+C or Cmd+C copies text from an article with its citation
        </label>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </dialog>
    </div>
  );
}
