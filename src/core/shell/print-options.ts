/**
 * What the desktop app hands Electron when it prints or saves a PDF: pure option objects, so that
 * they are tested in Node and main stays wiring.
 *
 * Paper size and margins are never set here: they come from the page's CSS `@page` rules, so the
 * same layout prints alike from the browser and from the app.
 */
import { join } from 'node:path';
import { PdfFileNameSchema } from '../../shared/schemas';

/** Options of `webContents.print` (a structural subset of Electron's WebContentsPrintOptions). */
export interface PagePrintOptions {
  /** Always false: the reader picks the printer and copies in the system dialog. */
  silent: boolean;
  printBackground: boolean;
}

/** Options of `webContents.printToPDF` (a subset of Electron's PrintToPDFOptions). */
export interface PdfOptions {
  printBackground: boolean;
  /** Take paper size and margins from the page's `@page` rules. */
  preferCSSPageSize: boolean;
}

/** Options of `dialog.showSaveDialog` (a subset of Electron's SaveDialogOptions). */
export interface PdfSaveDialogOptions {
  title: string;
  /** The folder and name the dialog starts with. */
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
}

/** Print with the system dialog, backgrounds included (shaded notices and table heads). */
export function printOptions(): PagePrintOptions {
  return { silent: false, printBackground: true };
}

/** Render a PDF with backgrounds, at the page's own `@page` size and margins. */
export function pdfOptions(): PdfOptions {
  return { printBackground: true, preferCSSPageSize: true };
}

/**
 * The save dialog for a PDF: offered as `fileName` in the documents folder, PDF files only.
 *
 * @param fileName a plain file name ending in `.pdf` (as `savePdf`'s schema accepts)
 * @param documentsDir the folder the dialog opens in (the user's documents folder)
 * @throws Error when `fileName` is not a plain PDF file name (a folder in it, `..`)
 * @example saveDialogOptions('baclofen.pdf', '/home/ana/Documents').defaultPath // '/home/ana/Documents/baclofen.pdf'
 */
export function saveDialogOptions(fileName: string, documentsDir: string): PdfSaveDialogOptions {
  const parsed = PdfFileNameSchema.safeParse(fileName);
  if (!parsed.success) throw new Error(`print-options: '${fileName}' is not a plain PDF file name: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return {
    title: 'Export as PDF',
    defaultPath: join(documentsDir, fileName),
    buttonLabel: 'Save PDF',
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * Why `webContents.print` failed, or null when it did not (a cancelled dialog is not a failure:
 * the reader chose not to print, as a cancelled save dialog is no failure of `savePdf`).
 *
 * @example printFailure(false, 'Print job failed') // 'printPage: the page could not be printed (Print job failed)'
 */
export function printFailure(success: boolean, failureReason: string): string | null {
  if (success || /cancel/i.test(failureReason)) return null;
  return `printPage: the page could not be printed (${failureReason || 'no reason given'})`;
}
