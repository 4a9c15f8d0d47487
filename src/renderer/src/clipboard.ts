/**
 * Put text on the clipboard: plain, or plain and HTML together.
 */

/**
 * Copy plain text: through the asynchronous clipboard where the page may use it, else through a
 * selection and the copy command (older engines, or a refused permission).
 *
 * @returns whether the text was copied
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

/**
 * Copy text with its HTML form (a quote with its citation): through the asynchronous clipboard,
 * else the plain text alone by the fallbacks of {@link copyText}, so the words are never lost.
 *
 * @returns whether something was copied
 */
export async function copyRich(clip: { readonly text: string; readonly html: string }): Promise<boolean> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([clip.text], { type: 'text/plain' }),
        'text/html': new Blob([clip.html], { type: 'text/html' }),
      }),
    ]);
    return true;
  } catch {
    return copyText(clip.text);
  }
}

function copyBySelection(text: string): boolean {
  const focused = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (focused instanceof HTMLElement) focused.focus({ preventScroll: true });
  }
}
