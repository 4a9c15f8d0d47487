/**
 * The window title.
 */
import { useEffect } from 'react';

/** The app's name, last in every title. */
export const APP_NAME = 'Quire';

/**
 * Title the window after what is shown, `<title> — Quire`, and back to `Quire` when it goes.
 *
 * @example useDocumentTitle(article?.title);
 */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — ${APP_NAME}` : APP_NAME;
    return () => {
      document.title = APP_NAME;
    };
  }, [title]);
}
