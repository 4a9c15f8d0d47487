/**
 * The current hash route, kept in step with the address bar (back and forward included).
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { isRestoredPosition, recordPosition } from '../history';
import { formatRoute, parseRoute, type Route } from '../route';

/** The hash, plus a count of visits so that going to the same address again is still an event. */
interface Location {
  readonly hash: string;
  readonly visit: number;
  /** Whether this is a position the reader left and came back to (back or forward). */
  readonly restoring: boolean;
}

let current: Location = { hash: window.location.hash, visit: 0, restoring: false };
const listeners = new Set<() => void>();

function update(): void {
  current = { hash: window.location.hash, visit: current.visit + 1, restoring: isRestoredPosition(window.history.state) };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('hashchange', update);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', update);
  };
}

const getSnapshot = (): Location => current;

/** What {@link useRoute} gives. */
export interface RouteState {
  readonly route: Route;
  /** Changes on every navigation, even to the address already shown (to land on it again). */
  readonly visit: number;
  /** Whether the reader came back to a position they had left (land there quietly). */
  readonly restoring: boolean;
  /**
   * Go to a route, adding a history entry (or, for the current address, land on it again). With
   * `replace`, the current entry becomes the route instead (another page or filter of the results).
   */
  readonly navigate: (route: Route, options?: { readonly replace?: boolean }) => void;
}

/**
 * The current route and a way to change it.
 *
 * @example const { route, navigate } = useRoute(); navigate({ name: 'article', articleId: 'sleep' });
 */
export function useRoute(): RouteState {
  const location = useSyncExternalStore(subscribe, getSnapshot);
  const route = useMemo(() => parseRoute(location.hash), [location.hash]);
  const navigate = useCallback((next: Route, options?: { readonly replace?: boolean }) => {
    const hash = formatRoute(next);
    if (window.location.hash === hash) {
      update();
      return;
    }
    if (options?.replace) {
      // replaceState fires no hashchange: tell the listeners here.
      window.history.replaceState(null, '', hash);
      update();
      return;
    }
    // The entry being left remembers the position, for coming back to it.
    recordPosition();
    window.location.hash = hash;
  }, []);
  return { route, visit: location.visit, restoring: location.restoring, navigate };
}
