/**
 * A keyboard shortcut that works from anywhere in the window.
 */
import { useEffect, useEffectEvent } from 'react';

/**
 * Call `handler` when Ctrl+`key` (Cmd+`key` on macOS) is pressed, and keep the browser's own
 * meaning of that shortcut from running. While `enabled` is false the shortcut is left entirely
 * to the browser.
 *
 * @example useHotkey('k', () => searchBox.current?.focus());
 * @example useHotkey('f', openFind, articleOpen); // the browser's own find elsewhere
 */
export function useHotkey(key: string, handler: () => void, enabled = true): void {
  const onHotkey = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return;
    const wanted = key.toLowerCase();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== wanted) return;
      event.preventDefault();
      onHotkey();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
}
