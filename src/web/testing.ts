/**
 * Test helpers for the web host: raw HTTP requests whose every header and byte the test sets
 * (fetch would not let them set Host, nor send invalid bytes), and a host over the real library.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { buildLibrary } from '../core/content/build';
import { BUNDLED_CONTENT } from '../core/library/paths';
import { inProcessEngine, openHost } from '../core/api/host';
import { prepareFile } from '../core/api/prepare';
import { browserPrintService } from '../core/api/service';
import type { UserStore } from '../core/user/store';
import { tempDir, type TempDir } from '../core/testing/temp-dir';
import { startWebHost, type WebHost, type WebHostOptions } from './server';
import { TOKEN_HEADER } from '../shared/wire';

/** An HTTP answer. */
export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** One request to 127.0.0.1:port, Host set to it unless the test overrides it. */
export function call(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** What a raw socket exchange gave: the bytes written before the server closed, and its answer. */
export interface RawExchange {
  readonly written: number;
  readonly answer: string;
}

/**
 * Write a request head, then body chunks (up to `total` bytes) as fast as the server takes
 * them, until it closes the connection; the bytes it took and whatever it answered.
 */
export function rawExchange(port: number, head: string, chunk: Buffer, total: number): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const answer: Buffer[] = [];
    let written = 0;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ written, answer: Buffer.concat(answer).toString('latin1') });
    };
    socket.on('data', (d: Buffer) => answer.push(d));
    socket.on('error', finish);
    socket.on('close', finish);
    const pump = (): void => {
      while (!done && written < total) {
        written += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.write(head, pump);
  });
}

/** A web host over the bundled library, a fresh data folder (store and the reader's library) and a temp static folder. */
export interface TestHost {
  readonly host: WebHost;
  readonly store: UserStore;
  readonly token: string;
  /** Every line the host logged. */
  readonly logged: string[];
  /** A POST /api/<method> with the token and a JSON body of `{"args": args}`. */
  api(method: string, args: unknown, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

/** Start a host for a test file. */
export async function startTestHost(token: string, options: Partial<WebHostOptions> = {}): Promise<TestHost> {
  const site = await tempDir('quire-site-');
  const data: TempDir = await tempDir('quire-data-');
  await site.write('index.html', '<!doctype html><title>Quire</title>');
  // The host the web host's main composes, files read on this thread (the import worker has tests of its own).
  const served = await openHost({ dataDir: data.path, engine: inProcessEngine(await buildLibrary(BUNDLED_CONTENT)), prepare: async (name, bytes) => prepareFile(name, bytes) });
  const logged: string[] = [];
  const host = await startWebHost({ api: { ...served.api, ...browserPrintService() }, staticDir: site.path, token, log: (m) => void logged.push(m), ...options });
  return {
    host,
    store: served.store,
    token,
    logged,
    api: (method, args, headers = {}) =>
      call(host.port, 'POST', `/api/${method}`, { headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ args }) }),
    close: async () => {
      await host.close();
      await served.close();
      await site.remove();
      await data.remove();
    },
  };
}
