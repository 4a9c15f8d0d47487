/**
 * Events the desktop shell sends to the UI (menu commands), apart from the request/response API.
 */

/** A menu command the renderer carries out. */
export type MenuCommand =
  /** Find in the open article (Edit › Find…). */
  | 'find'
  /** Focus the library search (Edit › Search the Library). */
  | 'search'
  /** Go back; also sent for the system's back app command and mouse button. */
  | 'back'
  /** Go forward; also sent for the system's forward app command and mouse button. */
  | 'forward'
  /** Open the in-app print preview (File › Print…); printing itself goes through `printPage`. */
  | 'print'
  /** Open the print preview to save a PDF (File › Export as PDF…); saving goes through `savePdf`. */
  | 'save-pdf'
  /** Choose files to add to the library (File › Add Articles…); adding goes through `startImport`. */
  | 'add-articles';

/** The channel menu commands travel on, main to renderer. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** What the preload exposes as `window.quireShell` (Electron only). */
export interface QuireShellBridge {
  /** Listen for menu commands; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
