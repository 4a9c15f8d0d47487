/**
 * Says once, before the run, whether the Electron project can run here and why not.
 */
import { findElectronBinary } from '../scripts/electron-binary';

export default function globalSetup(): void {
  const binary = findElectronBinary();
  if ('missing' in binary) {
    console.log(`[electron] the Electron specs will be skipped: ${binary.missing}. The same specs run in Chromium against the web host.`);
  } else {
    console.log(`[electron] running the specs against the Electron app too (${binary.path}).`);
  }
}
