/**
 * The preload, run in Node against a stand-in `electron` module whose contextBridge and
 * ipcRenderer record what crosses: the one part of the bridge the browser tests cannot reach.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ApiError, CHANNELS, unwrapBridge, type ApiFailure, type QuireBridge } from '../shared/api';
import { MENU_COMMAND_CHANNEL, type QuireShellBridge } from '../shared/shell';
import { VALID_ARGS } from '../core/testing/bad-calls';

/** What the stand-in electron module saw. */
const electron = vi.hoisted(() => {
  /** How the stand-in main answers an invoke: by default, an echo of what arrived. */
  let answer = (channel: string, args: unknown[]): unknown => ({ ok: true, value: { channel, args } });
  const exposed: { key: string; api: unknown }[] = [];
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    invoked,
    listeners,
    answerWith: (f: (channel: string, args: unknown[]) => unknown) => {
      answer = f;
    },
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          invoked.push({ channel, args });
          return answer(channel, args);
        },
        on: (channel: string, listener: (...args: unknown[]) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)?.add(listener);
        },
        removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

/** What the preload exposed under a key (the test fails if it exposed nothing there). */
function exposedAs<T>(key: string): T {
  const found = electron.exposed.filter((e) => e.key === key);
  expect(found, `exposeInMainWorld('${key}') calls`).toHaveLength(1);
  return found[0]?.api as T;
}

beforeAll(async () => {
  await import('./index');
});

beforeEach(() => {
  electron.invoked.length = 0;
  electron.answerWith((channel, args) => ({ ok: true, value: { channel, args } }));
});

describe('preload', () => {
  it('exposes the API as quire and the shell events as quireShell, and nothing else', () => {
    expect(electron.exposed.map((e) => e.key)).toEqual(['quire', 'quireShell']);
    const quire = exposedAs<Record<string, unknown>>('quire');
    expect(Object.keys(quire).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof quire[method], method).toBe('function');
    expect(Object.keys(exposedAs<object>('quireShell'))).toEqual(['onMenuCommand']);
    // Neither ipcRenderer nor any of its functions crosses, under any name.
    const everything = electron.exposed.flatMap((e) => Object.values(e.api as object));
    for (const value of Object.values(electron.module.ipcRenderer)) expect(everything).not.toContain(value);
    expect(everything).not.toContain(electron.module.ipcRenderer);
  });

  it('sends every method on its own channel with all its arguments, and unwraps the answer', async () => {
    const api = unwrapBridge(exposedAs<QuireBridge>('quire'));
    for (const method of API_METHODS) {
      electron.invoked.length = 0;
      const args = VALID_ARGS[method] as readonly unknown[];
      const value = await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      expect(electron.invoked, method).toEqual([{ channel: CHANNELS[method], args }]);
      expect(value, method).toEqual({ channel: CHANNELS[method], args });
    }
    // Its own channel: no two methods share one.
    expect(new Set(API_METHODS.map((m) => CHANNELS[m])).size).toBe(API_METHODS.length);
  });

  it('sends an argument left out as absent, not as a value', async () => {
    const api = unwrapBridge(exposedAs<QuireBridge>('quire'));
    await api.search('dry mouth');
    await api.suggest('slee');
    expect(electron.invoked).toEqual([
      { channel: CHANNELS.search, args: ['dry mouth'] },
      { channel: CHANNELS.suggest, args: ['slee'] },
    ]);
  });

  it('throws a failure envelope of every method as ApiError with its code and message', async () => {
    const failure = (channel: string): ApiFailure => ({ ok: false, error: { code: 'not-found', message: `failed on ${channel}` } });
    electron.answerWith(failure);
    const api = unwrapBridge(exposedAs<QuireBridge>('quire'));
    for (const method of API_METHODS) {
      const call = (api[method] as (...a: unknown[]) => Promise<unknown>)(...(VALID_ARGS[method] as readonly unknown[]));
      await expect(call, method).rejects.toBeInstanceOf(ApiError);
      await expect(call, method).rejects.toMatchObject({ code: 'not-found', message: `failed on ${CHANNELS[method]}` });
    }
    electron.answerWith(() => ({ ok: false, error: { code: 'not-saved', message: 'The disk is full.' } }));
    await expect(api.addRecentSearch('taper')).rejects.toMatchObject({ name: 'ApiError', code: 'not-saved', message: 'The disk is full.' });
  });

  it('passes menu commands to a listener until it unsubscribes', () => {
    const shell = exposedAs<QuireShellBridge>('quireShell');
    const heard: unknown[] = [];
    const unsubscribe = shell.onMenuCommand((command) => heard.push(command));
    const emit = (command: string): void => {
      for (const listener of electron.listeners.get(MENU_COMMAND_CHANNEL) ?? []) listener({ sender: 'event' }, command);
    };
    emit('find');
    unsubscribe();
    emit('find');
    // The listener hears the command, never the IPC event (which would carry ipcRenderer's sender).
    expect(heard).toEqual(['find']);
    expect(electron.listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
  });
});

