/**
 * Saving a file the engine produced, as a browser download.
 */
import type { ExportedFile } from '../../shared/bookmarks';

/**
 * Offer `file` as a download: a Blob behind an object URL, followed by a temporary `<a download>`.
 *
 * @example download(await getApi().exportBookmarks('markdown'));
 */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Let the download start before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
