/**
 * Printing and saving PDFs where the app runs: the desktop app asks main (the system print
 * dialog; printToPDF and a save dialog), a browser uses its own print dialog, whose "Save as PDF"
 * printer makes the PDF. Both print the same layout, under the same @page rules.
 */
import type { PdfSaveResult } from '../../shared/print';
import { getApi } from './api';

/** Whether this is the desktop app (its preload exposes the API). */
export function inDesktopApp(): boolean {
  return window.quire !== undefined;
}

/** Print what the page shows (the print layout, while the preview is open). */
export async function printPage(): Promise<void> {
  await fontsLoaded();
  if (inDesktopApp()) await getApi().printPage();
  else window.print();
}

/**
 * Wait for the bundled reading faces in use to load: they swap in when ready (font-display: swap),
 * and a print taken before that would be set in the fallback face.
 */
async function fontsLoaded(): Promise<void> {
  await document.fonts.ready;
}

/**
 * Save the print layout as a PDF: through a save dialog in the app; in a browser through its print
 * dialog (answers `browser`: the reader picks "Save as PDF" there).
 */
export async function savePdf(fileName: string): Promise<PdfSaveResult | 'browser'> {
  await fontsLoaded();
  if (inDesktopApp()) return getApi().savePdf(fileName);
  window.print();
  return 'browser';
}

/**
 * A PDF file name for a title: its words, lower case, joined by hyphens (at most 80 characters).
 *
 * @example pdfFileName("Baclofen and Sjögren's Syndrome") // 'baclofen-and-sjogren-s-syndrome.pdf'
 */
export function pdfFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'quire'}.pdf`;
}
