/** Types of scripts/build-cli.mjs, for the TypeScript that imports it (the bench, the tests). */

/** The repository root. */
export const ROOT: string;
/** Where the compiled CLI goes: the entry and its chunks side by side. */
export const CLI_DIR: string;
/** The compiled CLI's entry, the package's `bin`. */
export const CLI_OUT: string;
/** esbuild's metafile of the last build. */
export const CLI_META: string;
/** Compile src/cli/main.ts into CLI_DIR. */
export function buildCli(): Promise<void>;
/** Whether the compiled CLI is missing or older than any of its sources. */
export function cliIsStale(layout?: { readonly root: string; readonly out: string; readonly meta: string }): boolean;
