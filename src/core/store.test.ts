import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_SEARCHES } from '../shared/schemas';
import { openStore, STORE_NAME } from './store';
import { tempDir, type TempDir } from './testing';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

describe('UserStore recent searches', () => {
  it('keeps searches newest first, once each, and survives reopening', () => {
    const { store } = openStore(dir.path);
    store.addRecentSearch('dry mouth');
    store.addRecentSearch('  taper ');
    store.addRecentSearch('dry mouth');
    store.addRecentSearch('   ');
    expect(store.recentSearches()).toEqual(['dry mouth', 'taper']);
    expect(openStore(dir.path).store.recentSearches()).toEqual(['dry mouth', 'taper']);
    expect(JSON.parse(readFileSync(join(dir.path, `${STORE_NAME}.json`), 'utf8'))).toEqual({ recentSearches: ['dry mouth', 'taper'] });
  });

  it('keeps only the newest searches and clears them', () => {
    const { store } = openStore(dir.path);
    for (let i = 0; i < MAX_RECENT_SEARCHES + 5; i++) store.addRecentSearch(`q${i}`);
    expect(store.recentSearches()).toHaveLength(MAX_RECENT_SEARCHES);
    expect(store.recentSearches()[0]).toBe(`q${MAX_RECENT_SEARCHES + 4}`);
    store.clearRecentSearches();
    expect(openStore(dir.path).store.recentSearches()).toEqual([]);
  });
});

describe('openStore with a bad file', () => {
  it.each([
    ['bad JSON', '{"recentSearches": ["a",'],
    ['a schema violation', '{"recentSearches": "not a list"}'],
  ])('sets aside %s under a timestamped name and starts empty', (_what, content) => {
    const file = join(dir.path, `${STORE_NAME}.json`);
    writeFileSync(file, content);
    const { store, setAside } = openStore(dir.path, undefined, new Date('2026-11-22T06:30:00.000Z'));
    expect(setAside).toBe(join(dir.path, `${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`));
    expect(readFileSync(setAside!, 'utf8')).toBe(content);
    expect(store.recentSearches()).toEqual([]);
    store.addRecentSearch('after');
    expect(readdirSync(dir.path).sort()).toEqual([`${STORE_NAME}.corrupt-2026-11-22T06-30-00-000Z.json`, `${STORE_NAME}.json`]);
  });
});
