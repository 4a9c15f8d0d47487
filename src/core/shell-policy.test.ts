import { describe, expect, it } from 'vitest';
import { isAppUrl, isPermissionAllowed, secureWebPreferences } from './shell-policy';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and no webview', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
  });
});

describe('isAppUrl', () => {
  const file = 'file:///opt/quire/out/renderer/index.html';
  it('accepts only the app page itself', () => {
    expect(isAppUrl('file:///opt/quire/out/renderer/index.html#/article/x', file)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', file)).toBe(false);
    expect(isAppUrl('https://example.com/', file)).toBe(false);
    expect(isAppUrl('not a url', file)).toBe(false);
  });
  it('compares origins for a dev server', () => {
    expect(isAppUrl('http://localhost:5173/src/x.ts', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows writing text to the clipboard and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', '']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
