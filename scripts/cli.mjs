/**
 * `npm run cli -- <command> ...`: the compiled CLI from a checkout, rebuilt first when it is
 * missing or a source is newer (a fraction of a second with esbuild), so that an edit to src/
 * is never answered by an old build and an unchanged tree starts at once.
 *
 * Runs the CLI in this process (it reads process.argv like the `bin` does): no second node.
 */
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_OUT, cliIsStale } from './build-cli.mjs';

if (cliIsStale()) await buildCli();
await import(pathToFileURL(CLI_OUT).href);
