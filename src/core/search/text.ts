/**
 * The engine's text pipeline: the one in src/shared/text.ts, re-exported where search reads it.
 *
 * Tokenizing, folding, stop words and stemming live in src/shared so that the renderer (the
 * bookmarks panel's search) runs the very code the index was built with: one pipeline, not a
 * copy that could drift from it.
 */
export * from '../../shared/text';
