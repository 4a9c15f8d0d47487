/**
 * The print preview wired up: the choices (remembered in the reading settings), the document for
 * them, and printing or saving it where the app runs.
 */
import { useMemo, useState } from 'react';
import type { BookmarkView, ReaderSettings } from '../../../shared/bookmarks';
import type { Article } from '../../../shared/model';
import type { PrintScope } from '../../../shared/print';
import { toApiError } from '../api';
import { PrintDocument } from '../components/PrintDocument';
import { PrintPreview, type PrintOptions } from '../components/PrintPreview';
import { pageRules, printableArticle } from '../print-model';
import { pdfFileName, printPage, savePdf } from '../print';

/** Where printing was asked for, and what was selected then. */
export interface PrintRequest {
  /** The open article, if any. */
  readonly article: Article | undefined;
  /** The section being read. */
  readonly sectionId: string | undefined;
  /** The passages selected in the article. */
  readonly selectedIds: readonly string[];
  /** What to print first. */
  readonly scope: PrintScope;
}

interface Props {
  readonly request: PrintRequest;
  readonly bookmarks: readonly BookmarkView[];
  readonly settings: ReaderSettings;
  /** Remember print choices. */
  readonly onUpdateSettings: (patch: Partial<ReaderSettings>) => void;
  readonly onClose: () => void;
}

/** The preview with its document. */
export function PrintContainer({ request, bookmarks, settings, onUpdateSettings, onClose }: Readonly<Props>) {
  const { article, sectionId, selectedIds } = request;
  const [scope, setScope] = useState<PrintScope>(request.scope);
  const [message, setMessage] = useState('');
  const [printedAt] = useState(() => new Date());
  // The open article's highlights that resolve now, printed in it unless turned off here.
  const highlights = useMemo(
    () => bookmarks.filter((b) => b.target === 'text' && b.articleId === article?.id && b.status !== 'orphaned'),
    [bookmarks, article?.id],
  );
  const [includeHighlights, setIncludeHighlights] = useState(true);
  const options: PrintOptions = { scope, includeComments: settings.printComments, includeHighlights, paper: settings.paper, margins: settings.margins };

  const printable = useMemo(
    () => (article && scope !== 'bookmarks' ? printableArticle(article, { scope, sectionId, selectedIds, includeComments: settings.printComments }) : undefined),
    [article, scope, sectionId, selectedIds, settings.printComments],
  );
  const title = printable && article ? article.title : 'Bookmarks';
  const rules = pageRules({ paper: settings.paper, margins: settings.margins, runningHead: printable?.part ? `${title} (${printable.part})` : title });
  const sectionTitle = article?.sections.find((s) => s.id === sectionId);

  const change = (patch: Partial<PrintOptions>): void => {
    setMessage('');
    if (patch.scope) setScope(patch.scope);
    if (patch.includeHighlights !== undefined) setIncludeHighlights(patch.includeHighlights);
    const remembered: Partial<ReaderSettings> = {
      ...(patch.includeComments !== undefined && { printComments: patch.includeComments }),
      ...(patch.paper && { paper: patch.paper }),
      ...(patch.margins && { margins: patch.margins }),
    };
    if (Object.keys(remembered).length > 0) onUpdateSettings(remembered);
  };
  const run = (action: () => Promise<void>): void => {
    setMessage('');
    action().catch((e: unknown) => setMessage(`It could not be printed: ${toApiError(e).message}`));
  };

  return (
    <PrintPreview
      options={options}
      available={{
        article: article !== undefined,
        sectionTitle: sectionTitle?.title,
        selected: selectedIds.length,
        bookmarks: bookmarks.length,
        comments: article?.comments.length ?? 0,
        highlights: highlights.length,
      }}
      onChange={change}
      onPrint={() => run(printPage)}
      onSavePdf={() =>
        run(async () => {
          const result = await savePdf(pdfFileName(printable?.part ? `${title} ${printable.part}` : title));
          if (result === 'browser') setMessage('To save a PDF, choose “Save as PDF” as the printer.');
          else if (result.saved) setMessage(`Saved to ${result.path}`);
        })
      }
      onClose={onClose}
      message={message}
      pageRules={rules}
    >
      <PrintDocument
        article={article}
        printable={printable}
        bookmarks={bookmarks}
        printedAt={printedAt}
        highlights={printable && includeHighlights ? highlights : []}
      />
    </PrintPreview>
  );
}
