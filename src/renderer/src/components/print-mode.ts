/**
 * Whether the article components draw for the reader or for a print.
 *
 * The print layout draws the article with the reader's own components; in print mode they leave
 * out what belongs to the screen: element ids (the reader's copy, still in the page, keeps them),
 * focus targets, and the actions beside each passage.
 */
import { createContext, useContext } from 'react';

/** True inside the print layout. */
export const PrintModeContext = createContext(false);

/** Whether the component is drawn for a print. */
export function usePrintMode(): boolean {
  return useContext(PrintModeContext);
}
