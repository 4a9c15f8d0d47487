/**
 * The bridge between the isolated renderer and main: one method per API call, nothing else.
 * ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type QuireBridge } from '../shared/api';
import { MENU_COMMAND_CHANNEL, type MenuCommand, type QuireShellBridge } from '../shared/shell';

const quire: QuireBridge = {
  listArticles: () => ipcRenderer.invoke(CHANNELS.listArticles),
  getArticle: (id) => ipcRenderer.invoke(CHANNELS.getArticle, id),
  search: (query, options) => ipcRenderer.invoke(CHANNELS.search, query, options),
  suggest: (query, limit) => ipcRenderer.invoke(CHANNELS.suggest, query, limit),
  recentSearches: () => ipcRenderer.invoke(CHANNELS.recentSearches),
  addRecentSearch: (query) => ipcRenderer.invoke(CHANNELS.addRecentSearch, query),
  clearRecentSearches: () => ipcRenderer.invoke(CHANNELS.clearRecentSearches),
  listBookmarks: () => ipcRenderer.invoke(CHANNELS.listBookmarks),
  addBookmark: (input) => ipcRenderer.invoke(CHANNELS.addBookmark, input),
  updateBookmark: (id, patch) => ipcRenderer.invoke(CHANNELS.updateBookmark, id, patch),
  removeBookmark: (id) => ipcRenderer.invoke(CHANNELS.removeBookmark, id),
  restoreBookmark: (bookmark) => ipcRenderer.invoke(CHANNELS.restoreBookmark, bookmark),
  exportBookmarks: (format) => ipcRenderer.invoke(CHANNELS.exportBookmarks, format),
  importBookmarks: (content) => ipcRenderer.invoke(CHANNELS.importBookmarks, content),
  getSettings: () => ipcRenderer.invoke(CHANNELS.getSettings),
  updateSettings: (patch) => ipcRenderer.invoke(CHANNELS.updateSettings, patch),
  getReadingState: () => ipcRenderer.invoke(CHANNELS.getReadingState),
  saveReadingState: (state) => ipcRenderer.invoke(CHANNELS.saveReadingState, state),
  listPositions: () => ipcRenderer.invoke(CHANNELS.listPositions),
  savePosition: (position) => ipcRenderer.invoke(CHANNELS.savePosition, position),
  storeNotice: () => ipcRenderer.invoke(CHANNELS.storeNotice),
  printPage: () => ipcRenderer.invoke(CHANNELS.printPage),
  savePdf: (fileName) => ipcRenderer.invoke(CHANNELS.savePdf, fileName),
};

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
