/**
 * The one place main listens to the renderer: every API method bound to its channel, each call
 * checked for its sender frame and parsed by the shared schemas before the engine sees it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, CHANNELS, type ApiMethod, type ApiResult, type QuireApi } from '../shared/api';
import { dispatch } from '../core/api/dispatch';
import type { SenderFrame } from '../core/shell/shell-policy';

/**
 * Bind the API to IPC.
 *
 * @param isTrusted whether the sending frame is the app's own page (src/core/shell/shell-policy.ts
 *   isTrustedSender); it gets null when the frame is gone
 */
export function bindApi(api: QuireApi, isTrusted: (frame: SenderFrame | null) => boolean): void {
  /** Main's handler for one method: the sender checked, then the call parsed and run by dispatch. */
  const handler =
    (method: ApiMethod) =>
    async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: `${method}: calls are only accepted from the app's own page` } };
      }
      return dispatch(api, method, args);
    };
  for (const method of API_METHODS) ipcMain.handle(CHANNELS[method], handler(method));
}
