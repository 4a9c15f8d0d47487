/**
 * Back and forward from the keyboard (Alt+Left/Right; Cmd+[ and Cmd+] on Apple systems), the
 * mouse's side buttons and the desktop menu.
 */
import { useEffect } from 'react';
import { go, historyKey } from '../history';
import { useMenuCommand } from './useMenuCommand';

const IS_APPLE = /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether focus is in a field where the keys edit text (Alt+arrows move by word on Apple systems). */
function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/**
 * Listen for back and forward everywhere in the window.
 *
 * @example useHistoryShortcuts();
 */
export function useHistoryShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const direction = historyKey(event, IS_APPLE);
      if (direction === undefined || event.defaultPrevented) return;
      if (IS_APPLE && event.altKey && inTextField(event.target)) return;
      event.preventDefault();
      go(direction, 'key');
    };
    // Side buttons: 3 is back, 4 is forward. Cancelling the mouseup stops the browser's own
    // navigation, so one press moves one step (with the position recorded first).
    const onMouseUp = (event: MouseEvent): void => {
      if (event.button !== 3 && event.button !== 4) return;
      event.preventDefault();
      go(event.button === 3 ? -1 : 1, 'mouse');
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, []);
  useMenuCommand('back', () => go(-1, 'menu'));
  useMenuCommand('forward', () => go(1, 'menu'));
}
