/**
 * `npm run web -- [--port N] [--data-dir DIR] [--content DIR]`: serve Quire to any browser.
 *
 * Prints the address to open (token included) on a line of its own, then serves until stopped.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_CONTENT, RENDERER_DIR, defaultDataDir, openContent } from '../core/library/paths';
import { ContentError } from '../core/content/problems';
import { browserPrintService } from '../core/api/service';
import { inProcessEngine, openHost } from '../core/api/host';
import { startImportWorker } from '../core/api/import-client';
import { sourceWorker } from '../core/api/worker-source';
import { startWebHost } from './server';

const USAGE = 'usage: npm run web -- [--port N] [--data-dir DIR] [--content DIR]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, content: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got '${values.port}'\n${USAGE}`);
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  const dataDir = values['data-dir'] ? resolve(base, values['data-dir']) : defaultDataDir();
  await mkdir(dataDir, { recursive: true });
  const contentDir = values.content ? resolve(base, values.content) : BUNDLED_CONTENT;
  await access(join(RENDERER_DIR, 'index.html')).catch(() => {
    throw new Error(`the app is not built (${RENDERER_DIR} is missing): run 'npm run build' first`);
  });
  const loaded = await openContent(values.content ? contentDir : undefined);
  const token = randomBytes(24).toString('base64url');
  // Files the reader adds are read in a worker thread: a book never holds up a search.
  const importer = startImportWorker(sourceWorker('src/core/api/import-worker.ts'), { eval: true });
  const served = await openHost({ dataDir, engine: inProcessEngine(loaded), prepare: importer.prepare });
  if (served.notice) console.error(`quire web: ${served.notice}`);
  const host = await startWebHost({ api: { ...served.api, ...browserPrintService() }, staticDir: RENDERER_DIR, token, port });
  const own = (await served.user.entries()).length;
  console.log(`Quire is serving ${loaded.library.articles.length} articles from ${contentDir} and ${own} of your own (data in ${dataDir}). Open:`);
  console.log(host.url);
  const stop = (): void => {
    void host
      .close()
      .then(() => served.close())
      .then(() => importer.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ContentError ? e.message : `quire web: ${(e as Error).message}`);
  process.exit(1);
});
