/**
 * Test helper: bad calls of every API method, made from one valid call per method.
 *
 * The core's dispatch tests and the web host's tests both run these, so a method added to the
 * contract is covered as soon as it has a valid call here (the type requires one).
 */
import type { z } from 'zod';
import type { ApiArgs, ApiMethod } from '../../shared/api';
import type { Bookmark } from '../../shared/bookmarks';
import { ARG_SCHEMAS } from '../../shared/schemas';

/** A bookmark valid for the schemas (its passage need not exist). */
const BOOKMARK: Bookmark = {
  id: 'bad-input-bookmark',
  articleId: 'baclofen-sleep-aid',
  target: 'passage',
  targetId: 'p-1',
  quote: { exact: 'Start low, go slow.', prefix: '', suffix: '' },
  note: 'a note',
  tags: ['dose'],
  createdAt: '2026-11-22T07:00:00.000Z',
  updatedAt: '2026-11-22T07:00:00.000Z',
};

/**
 * One call per method that its schema accepts. The engine may still answer not-found (an
 * unknown bookmark id): bad-input tests start from what passes validation.
 */
export const VALID_ARGS: { readonly [M in ApiMethod]: ApiArgs<M> } = {
  listArticles: [],
  getArticle: ['baclofen-sleep-aid'],
  search: ['dry mouth', { limit: 5, articleIds: ['baclofen-sleep-aid'], kinds: ['paragraph'] }],
  suggest: ['slee', 5],
  recentSearches: [],
  addRecentSearch: ['taper'],
  clearRecentSearches: [],
  listBookmarks: [],
  addBookmark: [{ articleId: 'baclofen-sleep-aid', target: 'text', range: { start: { passageId: 'p-1', offset: 0 }, end: { passageId: 'p-2', offset: 4 } }, color: 'green', note: 'n', tags: ['t'] }],
  updateBookmark: ['bad-input-bookmark', { note: 'x', tags: ['a'], color: 'blue' }],
  removeBookmark: ['bad-input-bookmark'],
  restoreBookmark: [BOOKMARK],
  exportBookmarks: ['json'],
  importBookmarks: [JSON.stringify({ format: 'quire-bookmarks', version: 1, exportedAt: BOOKMARK.createdAt, bookmarks: [BOOKMARK] })],
  getSettings: [],
  updateSettings: [{ theme: 'dark', fontSize: 110 }],
  getReadingState: [],
  saveReadingState: [{ articleId: 'baclofen-sleep-aid', passageId: 'p-1' }],
  listPositions: [],
  savePosition: [{ articleId: 'baclofen-sleep-aid', passageId: 'p-1', fraction: 0.5 }],
  storeNotice: [],
  startImport: [3],
  addImportFiles: ['import-0123456789', [{ name: 'notes.md', data: Buffer.from('# Notes\n\nSleep came late.\n').toString('base64') }]],
  importProgress: ['import-0123456789'],
  cancelImport: ['import-0123456789'],
  removeArticle: ['my-notes'],
  restoreArticle: ['my-notes'],
  printPage: [],
  savePdf: ['notes.pdf'],
};

/** More valid calls, for methods that take arguments of more than one shape: each is made bad too. */
export const MORE_VALID_ARGS: { readonly [M in ApiMethod]?: readonly ApiArgs<M>[] } = {
  addBookmark: [[{ articleId: 'baclofen-sleep-aid', target: 'passage', targetId: 'p-1', note: 'n', tags: ['t'] }]],
};

/** One bad call and what its answer must say. */
export interface BadCall {
  /** What is wrong, for test names. */
  readonly name: string;
  readonly args: unknown;
  /**
   * Whether validation must refuse it. Some bad-looking input is accepted by design (an
   * over-long query is cut, not refused), and then the call must still answer cleanly.
   */
  readonly mustFail: boolean;
  /** Where the message must point when it fails: "argument 1.limit", or "arguments". */
  readonly where: string;
}

/** A string longer than any field allows: 10 MB. */
export const HUGE_STRING_LENGTH = 10 * 1024 * 1024;

/** Keys that would reach Object.prototype if an object were merged carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

type Path = readonly (string | number)[];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const WRONG_TYPES: readonly unknown[] = [42, true, null, 'text', [], {}];

/** Every path inside a value (not the value itself), containers and leaves alike. */
function paths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...paths(v, [...at, i])]);
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])]);
  return [];
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

/** A deep copy of `value` with `change` applied to the container at `path`'s parent. */
function edit(value: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(value);
  change(get(copy, path.slice(0, -1)) as Record<string | number, unknown>, path.at(-1)!);
  return copy;
}

/** An object with an own key of any name (JSON.parse makes `__proto__` an own key, as HTTP bodies do). */
function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return { ...object, ...(JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as Record<string, unknown>) };
}

/**
 * The schema that validates the value at a path of a method's valid arguments, wrappers removed.
 * Of a union, the member that accepts the valid value there.
 */
function schemaAt(method: ApiMethod, valid: readonly unknown[], path: Path): z.ZodType {
  let schema = ARG_SCHEMAS[method] as unknown as z.ZodType;
  const unwrap = (s: z.ZodType): z.ZodType => {
    for (;;) {
      const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
      if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) s = def.innerType;
      else if (def.type === 'pipe' && def.in) s = def.in;
      else return s;
    }
  };
  for (const [depth, key] of path.entries()) {
    let inner = unwrap(schema);
    const options = (inner.def as { options?: z.ZodType[] }).options;
    if (inner.def.type === 'union' && options) inner = options.find((o) => o.safeParse(get(valid, path.slice(0, depth))).success) ?? inner;
    const def = unwrap(inner).def as { type: string; items?: z.ZodType[]; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    const next = def.type === 'tuple' ? def.items?.[key as number] : def.type === 'object' ? def.shape?.[key as string] : def.type === 'array' ? def.element : undefined;
    if (!next) throw new Error(`bad-calls: no schema at ${method} ${path.join('.')}`);
    schema = next;
  }
  return schema;
}

/** "argument 0.quote.exact" for the path [0, 'quote', 'exact']. */
const where = (path: Path): string => `argument ${path.join('.')}`;

/**
 * The bad calls of a method: not an array, an argument too many, each required argument or
 * field missing, each value of the wrong type, an unknown and a prototype key in every object,
 * and a 10 MB string in place of every string.
 */
export function badCalls(method: ApiMethod): BadCall[] {
  const valids = [VALID_ARGS[method], ...(MORE_VALID_ARGS[method] ?? [])] as readonly (readonly unknown[])[];
  return valids.flatMap((valid) => badCallsOf(method, valid));
}

/** The bad calls made from one valid call. */
function badCallsOf(method: ApiMethod, valid: readonly unknown[]): BadCall[] {
  const calls: BadCall[] = [
    { name: 'arguments not an array', args: { 0: valid[0] }, mustFail: true, where: 'arguments' },
    { name: 'arguments a string', args: 'args', mustFail: true, where: 'arguments' },
    { name: 'arguments null', args: null, mustFail: true, where: 'arguments' },
    { name: 'an argument too many', args: [...valid, 'extra'], mustFail: true, where: where([valid.length]) },
  ];
  valid.forEach((_, i) => {
    if (!schemaAt(method, valid, [i]).safeParse(undefined).success) {
      calls.push({ name: `argument ${i} missing`, args: valid.slice(0, i), mustFail: true, where: where([i]) });
    }
  });
  for (const path of paths(valid)) {
    const value = get(valid, path);
    for (const wrong of WRONG_TYPES.filter((w) => kind(w) !== kind(value)).slice(0, 3)) {
      calls.push({ name: `${where(path)} is ${kind(wrong)}`, args: edit(valid, path, (p, k) => (p[k] = wrong)), mustFail: true, where: where(path) });
    }
    if (typeof value === 'string') {
      calls.push({ name: `${where(path)} is a 10 MB string`, args: edit(valid, path, (p, k) => (p[k] = 'x'.repeat(HUGE_STRING_LENGTH))), mustFail: false, where: where(path) });
    }
    const parent = get(valid, path.slice(0, -1));
    if (isPlainObject(parent) && !schemaAt(method, valid, path).safeParse(undefined).success) {
      calls.push({ name: `${where(path)} missing`, args: edit(valid, path, (p, k) => delete p[k]), mustFail: true, where: where(path) });
    }
  }
  const objects: Path[] = [...valid.keys()].filter((i) => isPlainObject(valid[i])).map((i) => [i] as Path);
  objects.push(...paths(valid).filter((p) => p.length > 1 && isPlainObject(get(valid, p))));
  for (const path of objects) {
    const extra = (key: string, value: unknown): unknown => edit(valid, path, (p, k) => (p[k] = withKey(p[k] as Record<string, unknown>, key, value)));
    calls.push({ name: `${where(path)} has an unknown field`, args: extra('extra', 1), mustFail: true, where: where(path) });
    calls.push({ name: `${where(path)} has a 10 MB field name`, args: extra('k'.repeat(HUGE_STRING_LENGTH), 1), mustFail: true, where: where(path) });
    for (const key of PROTOTYPE_KEYS) {
      calls.push({ name: `${where(path)} has a ${key} key`, args: extra(key, { polluted: true, toString: 'polluted' }), mustFail: true, where: where(path) });
    }
  }
  return calls;
}
