import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_URL } from './app-protocol';
import {
  EXTERNAL_LINK_BUTTONS,
  EXTERNAL_LINK_OPEN,
  externalLinkDialog,
  isAppUrl,
  isExternalLinkAllowed,
  isPermissionAllowed,
  isRequestAllowed,
  isTrustedSender,
  secureWebPreferences,
  SPELLCHECKER_DICTIONARY_URL,
  type SenderFrame,
} from './shell-policy';

const DEV = 'http://localhost:5173/';

describe('secureWebPreferences', () => {
  const prefs: Record<string, unknown> = { ...secureWebPreferences('/app/preload.cjs') };

  it('isolates and sandboxes the renderer with no Node, no webview and no spellchecker', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
  });

  it('enables no Blink feature and sets nothing beyond the reviewed keys', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl('app://quire/', APP_URL)).toBe(true);
    expect(isAppUrl('app://quire/index.html#/article/x', APP_URL)).toBe(true);
    expect(isAppUrl('app://quire/assets/index-abc.js', APP_URL)).toBe(true);
    expect(isAppUrl('APP://QUIRE/', APP_URL)).toBe(true);
    expect(isAppUrl('app://other/', APP_URL)).toBe(false);
    expect(isAppUrl('app://quire.evil/', APP_URL)).toBe(false);
    expect(isAppUrl('app://user:pw@quire/', APP_URL)).toBe(false);
    expect(isAppUrl('quire://article/x', APP_URL)).toBe(false);
    expect(isAppUrl('file:///opt/quire/out/renderer/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://quire/', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
    expect(isAppUrl('app://quire/', 'file:///x/index.html')).toBe(false);
  });

  it('compares scheme, host and port for a dev server', () => {
    expect(isAppUrl('http://localhost:5173/src/x.ts', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('app://quire/', DEV)).toBe(false);
  });
});

describe('isRequestAllowed', () => {
  it.each([
    ['app://quire/', true],
    ['app://quire/assets/index.js', true],
    ['app://other/x.js', false],
    ['app://quire.example/x.js', false],
    ['quire://article/sleep/sleep-2', false],
    ['http://example.com/', false],
    ['https://example.com/a.js', false],
    ['http://127.0.0.1:8080/', false],
    ['http://localhost:5173/', false],
    ['ws://localhost:5173/', false],
    ['wss://example.com/socket', false],
    ['file:///etc/passwd', false],
    ['file:///opt/quire/out/renderer/index.html', false],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['blob:app://quire/8b5c2d8e-4c8e-4d5e-9f3a-1b2c3d4e5f60', true],
    ['blob:https://example.com/8b5c2d8e-4c8e-4d5e-9f3a-1b2c3d4e5f60', false],
    ['blob:null/8b5c2d8e', false],
    ['devtools://devtools/bundled/inspector.html', true],
    ['chrome://settings', false],
    ['javascript:alert(1)', false],
    ['ftp://example.com/', false],
    ['', false],
  ])('for the app, %j is %s', (url, allowed) => {
    expect(isRequestAllowed(url, APP_URL)).toBe(allowed);
  });

  it('never lets a web address through, whatever it is', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('', 'ws', 'wss'), (url, socket) => {
        const address = socket ? url.replace(/^https?/, socket) : url;
        expect(isRequestAllowed(address, APP_URL)).toBe(false);
        expect(isRequestAllowed(`blob:${address}`, APP_URL)).toBe(false);
      }),
    );
  });

  it('lets the dev server and its hot-reload socket through under electron-vite dev, nothing else', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', DEV)).toBe(true);
    expect(isRequestAllowed('ws://localhost:9999/', DEV)).toBe(false);
    expect(isRequestAllowed('https://example.com/', DEV)).toBe(false);
    expect(isRequestAllowed('app://quire/', DEV)).toBe(false);
  });

  it('points dictionary downloads at a path of the app that serves nothing', () => {
    expect(isAppUrl(SPELLCHECKER_DICTIONARY_URL, APP_URL)).toBe(true);
    expect(SPELLCHECKER_DICTIONARY_URL.endsWith('/')).toBe(true);
  });
});

describe('isTrustedSender', () => {
  const top: SenderFrame = { url: 'app://quire/#/article/x', parent: null };

  it('trusts the top frame of the app page', () => {
    expect(isTrustedSender(top, APP_URL)).toBe(true);
  });

  it('refuses a missing frame, a subframe, and other origins', () => {
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'app://quire/frame.html', parent: top }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'app://other/', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'file:///opt/quire/out/renderer/index.html', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'data:text/html,<script>x</script>', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: '', parent: null }, APP_URL)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows writing text to the clipboard, for the app page, and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://quire/', APP_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/', APP_URL)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '', APP_URL)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb', '']) {
      expect(isPermissionAllowed(permission, 'app://quire/', APP_URL), permission).toBe(false);
    }
  });
});

describe('isExternalLinkAllowed', () => {
  it.each([
    ['https://example.org/', true],
    ['https://example.org/a?b=c#d', true],
    ['HTTPS://Example.org/', true],
    ['http://example.org/', false],
    ['https://user:pw@example.org/', false],
    ['https://user@example.org/', false],
    ['https://', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['quire://article/x', false],
    ['app://quire/', false],
    ['mailto:a@example.org', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('%j is %s', (url, allowed) => {
    expect(isExternalLinkAllowed(url)).toBe(allowed);
  });
});

describe('externalLinkDialog', () => {
  it('shows the full URL and defaults to Cancel', () => {
    const options = externalLinkDialog('https://example.org/a?b=c');
    expect(options.detail).toBe('https://example.org/a?b=c');
    expect(options.buttons[options.defaultId]).toBe('Cancel');
    expect(options.cancelId).toBe(options.defaultId);
    expect(EXTERNAL_LINK_BUTTONS[EXTERNAL_LINK_OPEN]).toBe('Open in Browser');
  });
});
