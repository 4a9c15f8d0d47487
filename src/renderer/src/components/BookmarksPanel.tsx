/**
 * The bookmarks panel: every bookmark, searchable, filterable by tag, grouped by article or by
 * date, with editing, deletion (undone from the app's notice), export and import.
 */
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { errorLines } from '../../../shared/api';
import { importTooLargeSummary, type BookmarkPatch, type BookmarkView, type ExportFormat, type ImportResult } from '../../../shared/bookmarks';
import type { ChangeOutcome } from '../bookmark-changes';
import { allTags, filterBookmarks, groupBookmarks, importSummary, type BookmarkGrouping } from '../bookmarks-model';
import { formatDate, plural } from '../format';
import { BookmarkItem } from './BookmarkItem';
import './BookmarksPanel.css';

interface Props {
  /** Every bookmark. */
  readonly bookmarks: readonly BookmarkView[];
  /** Why the list of bookmarks could not be read, if it could not. */
  readonly error: string | undefined;
  /** Go to a bookmark's passage. */
  readonly onOpen: (bookmark: BookmarkView) => void;
  /** Save a new note or tags; resolves with how it went. */
  readonly onUpdate: (id: string, patch: BookmarkPatch) => Promise<ChangeOutcome<BookmarkView>>;
  /** Delete a bookmark (the app's notice offers Undo, or Retry when it failed). */
  readonly onRemove: (id: string) => void;
  /** Export every bookmark as a file download. */
  readonly onExport: (format: ExportFormat) => Promise<void>;
  /** Import a JSON export. */
  readonly onImport: (content: string) => Promise<ImportResult>;
  /** Close the panel. */
  readonly onClose: () => void;
  /** Open the print preview on the bookmarks list. */
  readonly onPrint: () => void;
}

const EXPORTS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'annotations', label: 'Web Annotations' },
];

/** What the last import (or failed export) did, for the message under the toolbar. */
/** What the last import or export said: its sentence, and for a failure the technical detail under it. */
type ImportMessage = { readonly ok: boolean; readonly text: string; readonly detail?: string };

/** A failure as the panel shows it: the sentence for the person, the detail smaller. */
function failure(e: unknown, prefix = ''): ImportMessage {
  const { text, detail } = errorLines(e instanceof Error ? e.message : String(e));
  return { ok: false, text: `${prefix}${text}`, detail };
}

/** The panel (a complementary landmark named "Bookmarks"). */
export function BookmarksPanel({ bookmarks, error, onOpen, onUpdate, onRemove, onExport, onImport, onClose, onPrint }: Readonly<Props>) {
  const [query, setQuery] = useState('');
  const [tags, setTags] = useState<ReadonlySet<string>>(new Set());
  const [grouping, setGrouping] = useState<BookmarkGrouping>('article');
  // The last bookmark deleted here: when Undo puts it back, its item takes focus again.
  const [deletedId, setDeletedId] = useState<string>();
  const [exportOpen, setExportOpen] = useState(false);
  const [importMessage, setImportMessage] = useState<ImportMessage>();
  const titleId = useId();

  const tagList = useMemo(() => allTags(bookmarks), [bookmarks]);
  const shown = useMemo(() => filterBookmarks(bookmarks, query, tags), [bookmarks, query, tags]);
  const groups = useMemo(() => groupBookmarks(shown, grouping, formatDate), [shown, grouping]);

  const toggleTag = (tag: string): void =>
    setTags((current) => {
      const next = new Set(current);
      if (!next.delete(tag)) next.add(tag);
      return next;
    });
  const remove = (bookmark: BookmarkView): void => {
    setDeletedId(bookmark.id);
    onRemove(bookmark.id);
  };
  const importFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // A file too large is refused here, before it is read or sent.
    const tooLarge = importTooLargeSummary(file.size, file.name);
    if (tooLarge) {
      setImportMessage({ ok: false, text: tooLarge });
      input.value = '';
      return;
    }
    file
      .text()
      .then(onImport)
      .then(
        (r) => setImportMessage({ ok: true, text: importSummary(r) }),
        (e: unknown) => setImportMessage(failure(e)),
      )
      .finally(() => {
        input.value = '';
      });
  };

  return (
    <aside
      className="bookmarks-panel"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        // Escape closes the panel, unless a control inside used it (a menu, a form being edited).
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          if (exportOpen) setExportOpen(false);
          else onClose();
        }
      }}
    >
      <div className="bookmarks-panel__head">
        <h2 id={titleId} className="bookmarks-panel__title">
          Bookmarks
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close<span className="visually-hidden"> bookmarks</span>
        </button>
      </div>

      <div className="bookmarks-panel__tools">
        <button type="button" className="button" onClick={onPrint}>
          Print…<span className="visually-hidden"> bookmarks</span>
        </button>
        <div className="bookmarks-panel__export">
          <button type="button" className="button" aria-expanded={exportOpen} onClick={() => setExportOpen((o) => !o)}>
            Export
          </button>
          {exportOpen && (
            <ul className="bookmarks-panel__export-menu" aria-label="Export formats">
              {EXPORTS.map(({ format, label }) => (
                <li key={format}>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setExportOpen(false);
                      onExport(format).catch((e: unknown) =>
                        setImportMessage(failure(e, 'The bookmarks could not be exported: ')),
                      );
                    }}
                  >
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <label className="button bookmarks-panel__import">
          Import
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" className="visually-hidden" onChange={importFile} />
        </label>
      </div>
      {importMessage &&
        (importMessage.ok ? (
          <p role="status" className="bookmarks-panel__message">
            {importMessage.text}
          </p>
        ) : (
          <div role="alert" className="bookmarks-panel__message bookmarks-panel__message--error">
            <p className="bookmarks-panel__message-text">{importMessage.text}</p>
            {importMessage.detail && <p className="bookmarks-panel__message-detail">{importMessage.detail}</p>}
          </div>
        ))}
      {error && (
        <p role="alert" className="bookmarks-panel__message bookmarks-panel__message--error">
          {error}
        </p>
      )}

      <input
        type="search"
        className="bookmarks-panel__search"
        aria-label="Search bookmarks"
        placeholder="Search bookmarks"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {tagList.length > 0 && (
        <ul className="bookmarks-panel__tags" aria-label="Filter by tag">
          {tagList.map((tag) => (
            <li key={tag}>
              <button type="button" className="chip" aria-pressed={tags.has(tag)} onClick={() => toggleTag(tag)}>
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="bookmarks-panel__grouping" role="group" aria-label="Group by">
        <button type="button" className="chip" aria-pressed={grouping === 'article'} onClick={() => setGrouping('article')}>
          By article
        </button>
        <button type="button" className="chip" aria-pressed={grouping === 'date'} onClick={() => setGrouping('date')}>
          By date
        </button>
      </div>

      {bookmarks.length === 0 ? (
        <p className="bookmarks-panel__empty">No bookmarks yet. Use the bookmark button beside a passage, or Ctrl+D.</p>
      ) : shown.length === 0 ? (
        <p className="bookmarks-panel__empty">No bookmarks match.</p>
      ) : (
        <>
          <p className="bookmarks-panel__count">{plural(shown.length, 'bookmark')}</p>
          {groups.map((group) => (
            <section key={group.key} className="bookmarks-panel__group" aria-label={group.label}>
              <h3 className="bookmarks-panel__group-title">{group.label}</h3>
              <ul className="bookmarks-panel__list">
                {group.bookmarks.map((b) => (
                  <BookmarkItem
                    key={b.id}
                    bookmark={b}
                    onOpen={onOpen}
                    onUpdate={onUpdate}
                    onDelete={remove}
                    focusWhenShown={b.id === deletedId}
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </aside>
  );
}
