import type { QuireBridge } from '../shared/api';
import type { QuireShellBridge } from '../shared/shell';

declare global {
  interface Window {
    /** The API, present when running inside the Electron app. */
    readonly quire?: QuireBridge;
    /** Shell events, present when running inside the Electron app. */
    readonly quireShell?: QuireShellBridge;
  }
}
