/**
 * The selection toolbar: beside the words the reader selected in an article, it highlights them
 * in one of four colours, adds a note, copies them with their citation and bookmarks their
 * passage; on a highlight, it changes its colour, edits its note or removes it.
 */
import type { CSSProperties, Ref } from 'react';
import { HIGHLIGHT_COLOR_NAMES, HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/bookmarks';
import { useRovingFocus } from '../hooks/useRovingFocus';
import type { Placement } from '../selection-toolbar';
import './SelectionToolbar.css';

/** What the toolbar's buttons do. */
export interface SelectionToolbarActions {
  /** Highlight the words in this colour (or give the highlight this colour). */
  readonly onColor: (color: HighlightColor) => void;
  /** Highlight the words and edit the note (or edit the highlight's note). */
  readonly onNote: () => void;
  /** Copy the words with their citation. */
  readonly onCopy: () => void;
  /** Bookmark (or stop bookmarking) the selection's first passage. */
  readonly onBookmarkPassage: () => void;
  /** Remove the highlight (only on one). */
  readonly onRemove: () => void;
  /** Close the toolbar (Escape), putting focus back on the selection. */
  readonly onClose: () => void;
}

interface Props extends SelectionToolbarActions {
  /** The colour of the highlight the selection is in; undefined for a selection of new words. */
  readonly current: HighlightColor | undefined;
  /** Where it is drawn (undefined while it is measured, before it is placed). */
  readonly placement: Placement | undefined;
  /** The toolbar element (for focus and measuring). */
  readonly toolbarRef: Ref<HTMLDivElement>;
  /** Whether the selection's first passage is bookmarked. */
  readonly passageBookmarked: boolean;
  /** How the shortcut that highlights the selection reads here (shown in the tooltip). */
  readonly highlightShortcut: string;
}

/** The style that puts the toolbar where `placement` says (hidden until placed). */
function placementStyle(placement: Placement | undefined): CSSProperties {
  if (!placement) return { visibility: 'hidden', top: 0, left: 0 };
  return placement.kind === 'beside' ? { top: placement.top, left: placement.left } : {};
}

/** The toolbar. Buttons keep the selection: a press never moves it. */
export function SelectionToolbar({
  current,
  placement,
  passageBookmarked,
  highlightShortcut,
  onColor,
  onNote,
  onCopy,
  onBookmarkPassage,
  onRemove,
  onClose,
  toolbarRef,
}: Readonly<Props>) {
  const roving = useRovingFocus();
  let index = 0;
  const docked = placement?.kind === 'docked' ? placement.edge : undefined;
  return (
    <div
      ref={toolbarRef}
      className="selection-toolbar"
      data-docked={docked}
      style={placementStyle(placement)}
      role="toolbar"
      aria-label={current ? 'Highlight' : 'Selected text'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
          return;
        }
        roving.onKeyDown(event);
      }}
      onFocus={roving.onFocus}
      // A press on the toolbar must not take the selection away before its button acts on it.
      onMouseDown={(event) => event.preventDefault()}
    >
      <div className="selection-toolbar__colors" role="group" aria-label={current ? 'Highlight colour' : 'Highlight in'}>
        {HIGHLIGHT_COLORS.map((color) => {
          const name = HIGHLIGHT_COLOR_NAMES[color];
          const tip = current ? `${name} highlight` : `Highlight in ${name.toLowerCase()}${color === HIGHLIGHT_COLORS[0] ? ` (${highlightShortcut})` : ''}`;
          return (
            <button
              key={color}
              type="button"
              className="selection-toolbar__button selection-toolbar__color"
              data-color={color}
              aria-pressed={current ? current === color : undefined}
              title={tip}
              tabIndex={roving.tabIndexOf(index++)}
              onClick={() => onColor(color)}
            >
              <span className="selection-toolbar__swatch" aria-hidden="true" />
              {name}
            </button>
          );
        })}
      </div>
      <button type="button" className="selection-toolbar__button" tabIndex={roving.tabIndexOf(index++)} onClick={onNote}>
        {current ? 'Edit note' : 'Add note'}
      </button>
      <button type="button" className="selection-toolbar__button" tabIndex={roving.tabIndexOf(index++)} onClick={onCopy}>
        Copy with citation
      </button>
      {current ? (
        <button type="button" className="selection-toolbar__button" tabIndex={roving.tabIndexOf(index++)} onClick={onRemove}>
          Remove highlight
        </button>
      ) : (
        <button
          type="button"
          className="selection-toolbar__button"
          aria-pressed={passageBookmarked}
          tabIndex={roving.tabIndexOf(index++)}
          onClick={onBookmarkPassage}
        >
          Bookmark passage
        </button>
      )}
    </div>
  );
}
