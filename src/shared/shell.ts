/**
 * Events the desktop shell sends to the UI (menu commands), apart from the request/response API.
 */

/**
 * A menu command the renderer carries out: find in the article, search the library, go back or
 * forward (also sent for the system's back and forward app commands and mouse buttons).
 */
export type MenuCommand = 'find' | 'search' | 'back' | 'forward';

/** The channel menu commands travel on, main to renderer. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** What the preload exposes as `window.quireShell` (Electron only). */
export interface QuireShellBridge {
  /** Listen for menu commands; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
