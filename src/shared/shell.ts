/**
 * Events the desktop shell sends to the UI (menu commands), apart from the request/response API.
 */

/** A menu command the renderer carries out: find in the article, or search the library. */
export type MenuCommand = 'find' | 'search';

/** The channel menu commands travel on, main to renderer. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** What the preload exposes as `window.quireShell` (Electron only). */
export interface QuireShellBridge {
  /** Listen for menu commands; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
