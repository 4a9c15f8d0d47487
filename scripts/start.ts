/**
 * `npm start`: build, then run the Electron app; where the Electron runtime cannot be had
 * (no access to its download), say so and serve the same app in the browser instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary, electronInstaller } from './electron-binary';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const passArgs = process.argv.slice(2);

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

function runForever(command: string, args: string[]): void {
  const child = spawn(command, args, { stdio: 'inherit' });
  const stop = (): void => {
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (run(npm, ['run', '--silent', 'build']) !== 0) process.exit(1);

let binary = findElectronBinary();
if ('missing' in binary) {
  // The package's installer fetches the runtime once; it fails fast where the download is out of reach.
  const attempt = spawnSync(process.execPath, [electronInstaller()], { encoding: 'utf8', timeout: 300_000 });
  binary = findElectronBinary();
  if ('missing' in binary) {
    const why = (attempt.stderr || attempt.stdout || '').split('\n').find((l) => l.trim()) ?? 'no answer';
    console.log(`The Electron runtime could not be downloaded here (${why.trim()}), so Quire is served to your browser instead: open the address below.`);
    runForever(process.execPath, ['--import', 'tsx', 'src/web/main.ts', ...passArgs]);
  }
}
if (!('missing' in binary)) {
  runForever(binary.path, ['.', ...passArgs]);
}
