/**
 * Printing the app's window: the system print dialog, and PDFs through a save dialog.
 *
 * The options and the dialog's defaults live in src/core/shell/print-options.ts; this file only hands
 * them to Electron and writes the file.
 */
import { writeFile } from 'node:fs/promises';
import { app, dialog, type BrowserWindow } from 'electron';
import { pdfOptions, printFailure, printOptions, saveDialogOptions } from '../core/shell/print-options';
import { ApiError } from '../shared/api';
import type { PrintApi } from '../core/api/service';

/** The folder the save dialog opens in: the documents folder, else home. */
function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/**
 * The print calls of the API, for the app's window.
 *
 * @param currentWindow the window whose page is printed (absent while none is open)
 */
export function printService(currentWindow: () => BrowserWindow | undefined): PrintApi {
  const windowFor = (method: keyof PrintApi): BrowserWindow => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) throw new ApiError('internal', `${method}: no window is open to print`);
    return window;
  };
  return {
    printPage: () => {
      const window = windowFor('printPage');
      return new Promise((resolve, reject) => {
        window.webContents.print(printOptions(), (success, failureReason) => {
          const failure = printFailure(success, failureReason);
          if (failure) reject(new ApiError('internal', failure));
          else resolve();
        });
      });
    },
    savePdf: async (fileName) => {
      const window = windowFor('savePdf');
      const { canceled, filePath } = await dialog.showSaveDialog(window, saveDialogOptions(fileName, documentsDir()));
      if (canceled || !filePath) return { saved: false };
      const data = await window.webContents.printToPDF(pdfOptions());
      try {
        await writeFile(filePath, data);
      } catch (e) {
        throw new ApiError('internal', `savePdf: could not write ${filePath} (${(e as Error).message})`);
      }
      return { saved: true, path: filePath };
    },
  };
}
