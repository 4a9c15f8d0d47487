/**
 * Main's IPC binding, run in Node against a stand-in ipcMain that records each handler, and an
 * API stand-in that records which method each call reached (main's real API needs Electron's
 * windows for printing; what is checked here is the binding, not the engine).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ApiError, CHANNELS, perMethod, type ApiMethod, type ApiValues, type QuireApi } from '../shared/api';
import { parseArgs } from '../shared/schemas';
import { badCalls, VALID_ARGS } from '../core/testing/bad-calls';
import type { SenderFrame } from '../core/shell/shell-policy';
import { bindApi } from './ipc';

type Handler = (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => Promise<unknown>;

const ipc = vi.hoisted(() => {
  const handlers = new Map<string, Handler[]>();
  return { handlers, module: { ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, [...(handlers.get(channel) ?? []), handler]) } } };
});
vi.mock('electron', () => ipc.module);

const APP_FRAME: SenderFrame = { url: 'app://quire/', parent: null };
const OTHER_FRAME: SenderFrame = { url: 'https://example.com/', parent: null };

/** The calls the API stand-in received, in order. */
const received: { method: ApiMethod; args: unknown[] }[] = [];
/** What the next call of the API stand-in throws, if anything. */
let failWith: Error | undefined;
const api: QuireApi = perMethod<ApiMethod, ApiValues>(API_METHODS, (method) => async (...args) => {
  received.push({ method, args });
  if (failWith) throw failWith;
  return { answered: method } as never;
});

/** The one handler bound to a channel (the test fails if there is none, or several). */
function handlerOf(channel: string): Handler {
  const bound = ipc.handlers.get(channel) ?? [];
  expect(bound, `handlers of ${channel}`).toHaveLength(1);
  return bound[0]!;
}

const trustedFrames: (SenderFrame | null)[] = [];
bindApi(api, (frame) => {
  trustedFrames.push(frame);
  return frame === APP_FRAME;
});

beforeEach(() => {
  received.length = 0;
  trustedFrames.length = 0;
  failWith = undefined;
});

describe('bindApi', () => {
  it('handles every method on its own channel, and no other channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => CHANNELS[m]).sort());
    for (const method of API_METHODS) handlerOf(CHANNELS[method]);
  });

  it('runs each channel as its own method, with its arguments as parsed', async () => {
    for (const method of API_METHODS) {
      received.length = 0;
      const args = VALID_ARGS[method] as readonly unknown[];
      const parsed = parseArgs(method, args);
      if (!parsed.ok) throw new Error(`ipc test: VALID_ARGS.${method} does not parse: ${parsed.message}`);
      expect(await handlerOf(CHANNELS[method])({ senderFrame: APP_FRAME }, ...args), method).toEqual({ ok: true, value: { answered: method } });
      expect(received, method).toEqual([{ method, args: parsed.args }]);
    }
  });

  it('refuses bad arguments before the API sees them, naming the method and where', async () => {
    for (const method of API_METHODS) {
      for (const bad of badCalls(method).filter((b) => b.mustFail && Array.isArray(b.args))) {
        const result = await handlerOf(CHANNELS[method])({ senderFrame: APP_FRAME }, ...(bad.args as unknown[]));
        expect(result, `${method}: ${bad.name}`).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining(bad.where) } });
      }
    }
    expect(received).toEqual([]);
  });

  it('refuses every call from another page or a frame that is gone, asking isTrusted about the sending frame', async () => {
    for (const method of API_METHODS) {
      for (const senderFrame of [OTHER_FRAME, null]) {
        const result = await handlerOf(CHANNELS[method])({ senderFrame }, ...(VALID_ARGS[method] as readonly unknown[]));
        expect(result, method).toEqual({ ok: false, error: { code: 'forbidden', message: `${method}: calls are only accepted from the app's own page` } });
      }
    }
    expect(trustedFrames).toEqual(API_METHODS.flatMap(() => [OTHER_FRAME, null]));
    expect(received).toEqual([]);
  });

  it('answers an ApiError with its code, and any other failure as internal without its details', async () => {
    failWith = new ApiError('not-found', "getArticle: no article with id 'nope'");
    expect(await handlerOf(CHANNELS.getArticle)({ senderFrame: APP_FRAME }, 'nope')).toEqual({ ok: false, error: { code: 'not-found', message: "getArticle: no article with id 'nope'" } });
    failWith = new Error('secret detail');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await handlerOf(CHANNELS.listArticles)({ senderFrame: APP_FRAME })).toEqual({ ok: false, error: { code: 'internal', message: 'listArticles: internal error' } });
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('secret detail'));
    } finally {
      errors.mockRestore();
    }
  });
});
