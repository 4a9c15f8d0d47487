/**
 * The bridge between the isolated renderer and main: one method per API call, nothing else.
 *
 * Its methods are derived from the one list of the contract (src/shared/api.ts): each forwards
 * all its arguments on its own channel and returns the envelope main answers with. ipcRenderer
 * itself is never exposed, nor a generic `invoke(channel, ...)`: the renderer can reach only the
 * channels of the API. It runs sandboxed, bundled into one file, so it imports only src/shared
 * and electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, CHANNELS, perMethod, type ApiArgs, type ApiMethod, type ApiResults, type QuireBridge } from '../shared/api';
import { MENU_COMMAND_CHANNEL, type MenuCommand, type QuireShellBridge } from '../shared/shell';

/** The bridge's function for one method: its arguments, all of them, on its own channel. */
const forward =
  <M extends ApiMethod>(method: M) =>
  (...args: ApiArgs<M>): Promise<ApiResults[M]> =>
    ipcRenderer.invoke(CHANNELS[method], ...args);

const quire: QuireBridge = perMethod<ApiMethod, ApiResults>(API_METHODS, forward);

const quireShell: QuireShellBridge = {
  onMenuCommand: (listener) => {
    const handler = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('quire', quire);
contextBridge.exposeInMainWorld('quireShell', quireShell);
