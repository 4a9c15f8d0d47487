/**
 * The Electron shell cannot run here (no Electron binary), so its wiring is checked as text: every
 * window gets the secure webPreferences, links leave through one helper, the app is served by one
 * protocol handler, and the policy functions of src/core are the ones applied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN_DIR = import.meta.dirname;
const sources = new Map(
  readdirSync(MAIN_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => [f, readFileSync(join(MAIN_DIR, f), 'utf8')] as const),
);

/** The files of src/main whose text matches. */
function filesMatching(pattern: RegExp): string[] {
  return [...sources].filter(([, text]) => pattern.test(text)).map(([file]) => file);
}

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].length;
}

function source(file: string): string {
  const text = sources.get(file);
  if (text === undefined) throw new Error(`wiring: src/main/${file} is missing`);
  return text;
}

describe('src/main', () => {
  it('creates every window with secureWebPreferences and nothing else', () => {
    expect(sources.size).toBeGreaterThan(0);
    for (const [file, text] of sources) {
      const windows = count(text, /new BrowserWindow\(/);
      expect(count(text, /webPreferences:\s*secureWebPreferences\(/), `src/main/${file}: a BrowserWindow without secureWebPreferences`).toBe(windows);
      expect(count(text, /webPreferences/), `src/main/${file}: webPreferences set other than by secureWebPreferences`).toBe(windows);
    }
    expect(filesMatching(/new BrowserWindow\(/)).toEqual(['index.ts']);
    expect(filesMatching(/\b(BrowserView|WebContentsView)\b|<webview/)).toEqual([]);
  });

  it('opens external links only through openExternalSafely', () => {
    expect(filesMatching(/openExternal\(/)).toEqual(['external.ts']);
    expect(filesMatching(/openExternalSafely\(/).sort()).toEqual(['external.ts', 'security.ts']);
  });

  it('serves the app from app://quire through one handler, never from file://', () => {
    expect(filesMatching(/protocol\.handle\(/)).toEqual(['app-protocol.ts']);
    expect(filesMatching(/registerSchemesAsPrivileged\(/)).toEqual(['app-protocol.ts']);
    expect(filesMatching(/register\w*Protocol\(|intercept\w*Protocol\(|loadFile\(|pathToFileURL|file:\/\//)).toEqual([]);
    const index = source('index.ts');
    // Registered at load, before the app is ready: afterwards it has no effect.
    expect(index.indexOf('\nregisterAppScheme();')).toBeGreaterThan(-1);
    expect(index.indexOf('\nregisterAppScheme();')).toBeLessThan(index.indexOf('app.whenReady()'));
    expect(index).toMatch(/: APP_URL;/);
  });

  it('applies the session policy, the navigation guards, crash recovery and the single-instance lock', () => {
    const index = source('index.ts');
    for (const call of ['serveApp(session.defaultSession', 'secureSession(session.defaultSession', 'guardWebContents()', 'recoverFromCrashes(window', 'requestSingleInstanceLock()']) {
      expect(index, `src/main/index.ts does not call ${call}`).toContain(call);
    }
    const security = source('security.ts');
    expect(security).toContain('onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, appUrl) }))');
    expect(security).toMatch(/setPermissionRequestHandler\([\s\S]*?isPermissionAllowed\(/);
    expect(security).toMatch(/setPermissionCheckHandler\([^\n]*isPermissionAllowed\(/);
    expect(security).toContain('setSpellCheckerEnabled(false)');
    expect(security).toContain('setSpellCheckerDictionaryDownloadURL(SPELLCHECKER_DICTIONARY_URL)');
    expect(security).toMatch(/'will-navigate', \(event\) => \{\s*event\.preventDefault\(\);/);
    expect(security).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(security).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \};/);
  });

  it('checks every IPC call with isTrustedSender on the sending frame', () => {
    expect(source('ipc.ts')).toContain('if (!isTrusted(event.senderFrame))');
    expect(source('index.ts')).toContain('(frame) => isTrustedSender(frame, appUrl)');
  });
});

describe('the worker threads of src/main', () => {
  it('starts each from a bundle the build makes: the engine and the import reader', () => {
    const index = source('index.ts');
    const started = [...index.matchAll(/join\(__dirname, '(\w+)\.js'\)/g)].map((m) => m[1]!).sort();
    expect(started).toEqual(['importer', 'worker']);
    // electron-vite writes one bundle per input of the main build, named by its key.
    const config = readFileSync(join(MAIN_DIR, '../../electron.vite.config.ts'), 'utf8');
    const inputs = /main:[\s\S]*?input:\s*\{([^}]*)\}/.exec(config)?.[1] ?? '';
    const keys = [...inputs.matchAll(/(\w+):\s*resolve\('([^']+)'\)/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(new Map(keys).get('worker')).toBe('src/core/api/engine-worker.ts');
    expect(new Map(keys).get('importer')).toBe('src/core/api/import-worker.ts');
  });
});
