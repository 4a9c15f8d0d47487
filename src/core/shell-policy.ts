/**
 * The desktop shell's security policy as plain data, so it can be asserted in Node.
 *
 * src/main applies it; nothing here imports Electron.
 */

/** The webPreferences of every Quire window. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly spellcheck: false;
  readonly navigateOnDragDrop: false;
}

/**
 * Build the webPreferences for a window: isolated, sandboxed, no Node, no webview.
 *
 * @param preload absolute path of the preload script
 */
export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/**
 * Whether a URL is the app's own page, the only frame allowed to call the API.
 *
 * @param appUrl the URL the window loaded (a file:// index.html, or the dev server's origin)
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let u: URL;
  let app: URL;
  try {
    u = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return u.protocol === 'file:' && u.pathname === app.pathname;
  return u.origin === app.origin;
}

/**
 * The one permission the window may use: writing plain text to the clipboard ("Copy link").
 * Reading the clipboard, notifications, media, geolocation and the rest are refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Whether the window may have a permission (Electron's permission request and check handlers).
 *
 * @example isPermissionAllowed('clipboard-sanitized-write') // true
 */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}
