/**
 * The web host as the README's picture scripts use it: started on a free port with its own data
 * folder, its address (token included) read from the line it prints.
 */
import { spawn } from 'node:child_process';

/** A running web host. */
export interface ScriptHost {
  /** The address to open. */
  readonly url: string;
  stop(): void;
}

/**
 * Start `src/web/main.ts` (the app must be built: `npm run build`).
 *
 * @param dataDir the data folder it keeps bookmarks and settings in
 */
export async function startScriptHost(dataDir: string): Promise<ScriptHost> {
  const host = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    host.once('exit', (code) => reject(new Error(`web host exited with code ${code} before printing its address`)));
    host.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(http:\/\/\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
  });
  return { url, stop: () => void host.kill() };
}
