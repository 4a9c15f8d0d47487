/**
 * Id schemas shared by the API and bookmark schemas (kept apart so neither imports the other).
 */
import { z } from 'zod';

/** An article id: a lowercase slug. */
export const ArticleIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9 and single dashes)');

/** A bookmark id. */
export const BookmarkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, _ or -');
