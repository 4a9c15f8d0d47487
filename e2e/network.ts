/// <reference lib="dom" />
// The CSP listener runs in the page: DOM types.
/**
 * A recorder of everything the app's window asks of the network: every request its browser
 * context sees (pages, workers and service workers alike), every websocket, every service worker,
 * and every Content Security Policy violation (from a `securitypolicyviolation` listener put in
 * before the app's own scripts, and from console errors). It works on any Playwright page, the
 * web host's in Chromium or the Electron app's window.
 */
import type { Page } from '@playwright/test';

/** Where the page keeps the CSP violations it saw. */
const CSP_LOG = '__quireCspViolations';

/** What the recorder saw. */
export interface NetworkLog {
  /** Every request URL, in order. */
  readonly requests: readonly string[];
  readonly websockets: readonly string[];
  readonly serviceWorkers: readonly string[];
  /** CSP violations: `<directive> <blocked URI>` from the page, or the console's error text. */
  readonly cspViolations: readonly string[];
}

/** A recorder started by {@link recordNetwork}. */
export interface NetworkRecorder {
  /** The origin the app was loaded from (scheme and host, also for custom schemes). */
  readonly appOrigin: string;
  /** What has been recorded so far. */
  log(): Promise<NetworkLog>;
}

/**
 * The scheme and host of a URL; a `blob:` URL has the origin of the page that made it.
 *
 * Not `URL.origin`, which is "null" for schemes other than http(s), such as an app's own protocol.
 */
export function originOf(url: string): string {
  const parsed = new URL(url.startsWith('blob:') ? url.slice('blob:'.length) : url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** The recorded URLs whose origin is not `origin`. */
export function foreignUrls(urls: readonly string[], origin: string): string[] {
  return urls.filter((url) => originOf(url) !== origin);
}

/**
 * Start recording on the page's browser context, then reload the page so that its whole load is
 * recorded too (and the CSP listener is in place before the app's scripts run).
 *
 * @example const recorder = await recordNetwork(page); ...; expect((await recorder.log()).websockets).toEqual([]);
 */
export async function recordNetwork(page: Page): Promise<NetworkRecorder> {
  const context = page.context();
  const requests: string[] = [];
  const websockets: string[] = [];
  const serviceWorkers: string[] = [];
  const consoleCsp: string[] = [];
  const watchPage = (p: Page): void => {
    p.on('websocket', (ws) => websockets.push(ws.url()));
    p.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) consoleCsp.push(message.text());
    });
  };
  context.on('request', (request) => requests.push(request.url()));
  context.on('serviceworker', (worker) => serviceWorkers.push(worker.url()));
  context.on('page', watchPage);
  watchPage(page);
  await context.addInitScript((key) => {
    const seen: string[] = [];
    Object.defineProperty(window, key, { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`), true);
  }, CSP_LOG);
  const appOrigin = originOf(page.url());
  await page.reload();
  return {
    appOrigin,
    async log() {
      const fromPage = await page.evaluate((key) => [...((window as unknown as Record<string, string[] | undefined>)[key] ?? [])], CSP_LOG);
      return { requests: [...requests], websockets: [...websockets], serviceWorkers: [...serviceWorkers], cspViolations: [...fromPage, ...consoleCsp] };
    },
  };
}
