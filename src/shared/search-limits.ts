/**
 * How many answers the search box asks for: results per search and completions per change of its
 * text. The renderer, the engine's default and the bench's replay of a keystroke all read these,
 * so that what is measured is what the app asks. Plain numbers, apart from the argument schemas,
 * so that the renderer can import them without bringing zod into its bundle.
 */

/** Results one search asks for at first, and what the engine returns when no limit is given. */
export const SEARCH_LIMIT = 20;

/** Completions asked for on every change of the search box's text. */
export const SUGGESTION_LIMIT = 5;
