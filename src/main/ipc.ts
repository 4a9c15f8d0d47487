/**
 * The one place main listens to the renderer: every API method bound to its channel, each call
 * checked for its sender frame and parsed by the shared schemas before the engine sees it.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, CHANNELS, type ApiResult, type QuireApi } from '../shared/api';
import { dispatch } from '../core/dispatch';

/**
 * Bind the API to IPC.
 *
 * @param isTrusted whether a sender frame URL is the app's own page
 */
export function bindApi(api: QuireApi, isTrusted: (frameUrl: string) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(CHANNELS[method], async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrusted(url)) {
        return { ok: false, error: { code: 'forbidden', message: `${method}: calls are only accepted from the app's own page` } };
      }
      return dispatch(api, method, args);
    });
  }
}
