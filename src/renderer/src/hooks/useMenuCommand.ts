/**
 * Commands from the desktop app's menu (Electron only; in a browser this does nothing).
 */
import { useEffect, useEffectEvent } from 'react';
import type { MenuCommand } from '../../../shared/shell';

/**
 * Call `handler` whenever the menu sends `command`.
 *
 * @example useMenuCommand('find', focusSearch);
 */
export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  const onCommand = useEffectEvent(handler);
  useEffect(() => {
    const shell = window.quireShell;
    if (!shell) return;
    return shell.onMenuCommand((received) => {
      if (received === command) onCommand();
    });
  }, [command]);
}
