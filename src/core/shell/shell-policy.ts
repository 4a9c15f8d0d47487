/**
 * The desktop shell's security policy as plain data and decisions, so it can be asserted in Node.
 *
 * src/core/shell/ holds every decision the Electron shell makes, as functions Node tests can call,
 * because Electron itself cannot run where Quire is tested: this module (window preferences,
 * which requests, navigations and windows are refused, which links open outside), the content
 * security policy (csp.ts), the `app://quire/` protocol (app-protocol.ts) and the files it may serve
 * (static-files.ts), when a crashed page is reloaded (crash-recovery.ts) and the print dialog's
 * options (print-options.ts). src/main only hands these decisions to Electron.
 *
 * src/main applies it; nothing here imports Electron. "The app" is the page the window loads:
 * `app://quire/` (src/core/shell/app-protocol.ts), or the dev server's origin under `electron-vite dev`.
 */
import { APP_ORIGIN } from './app-protocol';

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
  readonly safeDialogs: true;
}

/**
 * Build the webPreferences for a window: isolated, sandboxed, no Node, no webview, no
 * experimental or Blink features, no spellchecker.
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
    safeDialogs: true,
  };
}

/**
 * Where the spellchecker would fetch Hunspell dictionaries from: a path of the app's own origin
 * that serves nothing, so that no dictionary is ever downloaded (the spellchecker is off too).
 */
export const SPELLCHECKER_DICTIONARY_URL = `${APP_ORIGIN}/no-spellchecker-dictionaries/`;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL is on the app's own origin.
 *
 * Compared by scheme and host (with port): a custom scheme's URL has an opaque origin in Node.
 *
 * @param appUrl the URL the window loads (`app://quire/`, or the dev server's)
 * @example isAppUrl('app://quire/assets/index.js', 'app://quire/') // true
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app || app.host === '') return false;
  // Node keeps a custom scheme's host as written; Chromium lower-cases a standard scheme's.
  return u.protocol === app.protocol && u.host.toLowerCase() === app.host.toLowerCase() && u.username === '' && u.password === '';
}

/**
 * Whether the window's session may make a request at all (the session-level block).
 *
 * Allowed: the app's own origin; blob: URLs the app made; data: URLs (inline, no network); the
 * DevTools' own pages; and, for the dev server only, its websocket (hot reload). Everything
 * else, http(s), ws(s), file:, other hosts of the app scheme, `quire://` links, is cancelled.
 */
export function isRequestAllowed(url: string, appUrl: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (isAppUrl(url, appUrl)) return true;
  switch (u.protocol) {
    case 'data:':
    case 'devtools:':
      return true;
    case 'blob:':
      // blob:app://quire/<uuid>: the inner URL is the origin that made it.
      return isAppUrl(u.pathname, appUrl);
    case 'ws:':
    case 'wss:': {
      const app = parse(appUrl);
      return app !== undefined && (app.protocol === 'http:' || app.protocol === 'https:') && u.host === app.host;
    }
    default:
      return false;
  }
}

/** The frame that sent an IPC message, as Electron's WebFrameMain describes it. */
export interface SenderFrame {
  readonly url: string;
  /** The frame's parent; null for a window's top frame. */
  readonly parent: SenderFrame | null;
}

/**
 * Whether an IPC call comes from the app: a window's top frame showing the app's page.
 *
 * A missing frame (it navigated or was destroyed), any subframe, and any other page are refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}

/**
 * The one permission the window may use: writing plain text to the clipboard ("Copy link").
 * Reading the clipboard, notifications, media, geolocation and the rest are refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Whether a page may have a permission (Electron's permission request and check handlers): only
 * the app's own page, and only the permissions it needs.
 *
 * @param requestingUrl the URL (or origin) of the page asking
 * @example isPermissionAllowed('clipboard-sanitized-write', 'app://quire/', 'app://quire/') // true
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, appUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appUrl);
}

/**
 * Whether a link may be offered to the system browser: an https URL with a host and no
 * credentials. Anything else (http, file, javascript:, custom schemes) is never opened.
 *
 * @example isExternalLinkAllowed('https://example.org/a') // true
 */
export function isExternalLinkAllowed(url: string): boolean {
  const u = parse(url);
  return u !== undefined && u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '';
}

/** The buttons of the external-link question, in order; "Cancel" is the default. */
export const EXTERNAL_LINK_BUTTONS = ['Cancel', 'Open in Browser'] as const;
/** The index of the button that opens the link. */
export const EXTERNAL_LINK_OPEN = 1;

/**
 * The question asked before a link leaves the app (Electron's MessageBoxOptions), the URL shown
 * in full so the user sees where it goes.
 */
export function externalLinkDialog(url: string): {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
} {
  return {
    type: 'question',
    title: 'Open link',
    message: 'Open this link in your browser?',
    detail: url,
    buttons: [...EXTERNAL_LINK_BUTTONS],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}
