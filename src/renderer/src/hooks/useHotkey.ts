/**
 * A keyboard shortcut that works from anywhere in the window.
 */
import { useEffect, useEffectEvent } from 'react';

/**
 * Call `handler` when Ctrl+`key` (Cmd+`key` on macOS) is pressed, and keep the browser's own
 * meaning of that shortcut from running.
 *
 * @example useHotkey('k', () => searchBox.current?.focus());
 */
export function useHotkey(key: string, handler: () => void): void {
  const onHotkey = useEffectEvent(handler);
  useEffect(() => {
    const wanted = key.toLowerCase();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== wanted) return;
      event.preventDefault();
      onHotkey();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key]);
}
