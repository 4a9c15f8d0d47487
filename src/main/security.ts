/**
 * The shell's security policy applied to Electron: the session-level request block, permission
 * handlers, no spellchecker downloads, and no navigation, new window or webview in any page.
 *
 * Every decision is made in src/core/shell/shell-policy.ts; this file only hands it to Electron.
 */
import { app, BrowserWindow, type Session, type WebContents } from 'electron';
import { isPermissionAllowed, isRequestAllowed, SPELLCHECKER_DICTIONARY_URL } from '../core/shell/shell-policy';
import { openExternalSafely } from './external';

/**
 * Lock down a session.
 *
 * @param appUrl the URL the window loads (`app://quire/`, or the dev server's)
 */
export function secureSession(session: Session, appUrl: string): void {
  // Nothing outside the app is ever fetched: no network, ever.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, appUrl) }));
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? '', appUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, appUrl));
  session.setDevicePermissionHandler(() => false);
  // The spellchecker is off in every window; it must not fetch dictionaries either.
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECKER_DICTIONARY_URL);
}

/** Offer an https link the page tried to open to the system browser, after asking. */
function offerLink(contents: WebContents, url: string): void {
  openExternalSafely(BrowserWindow.fromWebContents(contents), url).catch((e: unknown) => {
    console.error(`quire: could not open ${url}: ${(e as Error).message}`);
  });
}

/** Refuse navigation, new windows and webviews in every page the app ever creates. */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      offerLink(contents, event.url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      offerLink(contents, url);
      return { action: 'deny' };
    });
  });
}
