/**
 * The one way a link leaves the app: an https link, shown to the user, opened in their browser
 * only if they say so. src/core/shell/shell-policy.ts decides which links qualify.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import { EXTERNAL_LINK_OPEN, externalLinkDialog, isExternalLinkAllowed } from '../core/shell/shell-policy';

/**
 * Offer a link to the system browser; resolves with whether it was opened.
 *
 * Links that are not https (or carry credentials) are dropped without asking.
 *
 * @param window the window the question belongs to (absent: a free-standing dialog)
 */
export async function openExternalSafely(window: BrowserWindow | null | undefined, url: string): Promise<boolean> {
  if (!isExternalLinkAllowed(url)) return false;
  const options = externalLinkDialog(url);
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response !== EXTERNAL_LINK_OPEN) return false;
  await shell.openExternal(url, { activate: true });
  return true;
}
