/**
 * The state of something fetched from the engine.
 */
import type { ApiError } from '../../shared/api';

/** Loading, loaded, or failed with the engine's error. */
export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: ApiError };

/** The loading state (one shared value, so it is stable across renders). */
export const LOADING: Loadable<never> = { status: 'loading' };
