/**
 * `npm run build:cli`: compile the command line to JavaScript, out/cli/quire.js (the package's
 * `bin`) and the chunks it loads on demand.
 *
 * Plain JavaScript run by node, not TypeScript through tsx, so that scripts/cli.mjs can check
 * and rebuild a stale CLI in its own process without paying for a transpiler: transpiling at
 * every start is what made the CLI take seconds to answer. The bundle holds Quire's own
 * modules; packages stay imports of node_modules. Code splitting keeps what only the bookmarks
 * commands need (the store and its packages) out of a search's start-up. out/cli/meta.json is
 * esbuild's list of the inputs, which {@link cliIsStale} compares with the bundle.
 *
 *   node scripts/build-cli.mjs              build
 *   node scripts/build-cli.mjs --if-stale   build only when a source is newer than the bundle
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the compiled CLI goes: the entry and its chunks side by side. */
export const CLI_DIR = join(ROOT, 'out', 'cli');
/** The compiled CLI's entry, the package's `bin`. */
export const CLI_OUT = join(CLI_DIR, 'quire.js');
/** esbuild's metafile of the last build: its inputs are the sources the bundle was made from. */
export const CLI_META = join(CLI_DIR, 'meta.json');

/**
 * Each module's `import.meta.url` as the URL of its own source file.
 *
 * Bundled, every module would see the bundle's URL, and src/core/library/paths.ts finds the
 * repository (the bundled content, out/library) relative to its own file. Written relative to the
 * output file (every output sits in CLI_DIR), so that a moved checkout still works.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromOutput = relative(CLI_DIR, args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromOutput)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/**
 * Compile src/cli/main.ts into {@link CLI_DIR}: an executable entry, its chunks and its metafile.
 *
 * Each file is written beside its place and renamed into it, chunks before the entry, and the
 * previous build's chunks are removed last: a CLI started meanwhile (a test, a shell loop) runs
 * the old build or the new one, never half of one.
 */
export async function buildCli() {
  // Loaded here, not at the top: scripts/cli.mjs imports this module on every run.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { quire: 'src/cli/main.ts' },
    outdir: CLI_DIR,
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [sourceUrls],
  });
  await mkdir(CLI_DIR, { recursive: true });
  const place = async (path, contents, mode = 0o644) => {
    const draft = `${path}.${process.pid}.tmp`;
    await writeFile(draft, contents, { mode });
    await rename(draft, path);
  };
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === CLI_OUT) - Number(b.path === CLI_OUT));
  for (const file of outputs) await place(file.path, file.contents, file.path === CLI_OUT ? 0o755 : 0o644);
  await place(CLI_META, JSON.stringify(result.metafile));
  const kept = new Set([...outputs.map((f) => f.path), CLI_META]);
  for (const name of await readdir(CLI_DIR)) {
    const path = join(CLI_DIR, name);
    if (!kept.has(path) && !name.endsWith('.tmp')) await rm(path, { force: true });
  }
}

/**
 * Whether the compiled CLI is missing or older than any of the sources it was built from (a
 * source deleted or renamed counts as newer; a new file can only matter through an import an
 * edited file gained, and that file is newer). package.json and this script count as sources.
 *
 * @param layout where the build and its sources are (tests give a folder of their own)
 */
export function cliIsStale(layout = { root: ROOT, out: CLI_OUT, meta: CLI_META }) {
  let built;
  let inputs;
  try {
    built = statSync(layout.out).mtimeMs;
    inputs = Object.keys(JSON.parse(readFileSync(layout.meta, 'utf8')).inputs);
  } catch {
    return true;
  }
  for (const input of [...inputs, 'package.json', 'scripts/build-cli.mjs']) {
    try {
      if (statSync(join(layout.root, input)).mtimeMs > built) return true;
    } catch {
      return true;
    }
  }
  return false;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--if-stale') && !cliIsStale()) process.exit(0);
  await buildCli();
  console.log(`built ${relative(process.cwd(), CLI_OUT)}`);
}
