/**
 * Reading positions: where the reader is in each article, as stored and as they cross the API.
 *
 * Each article read has one position: the passage at the top of the view, how far through the
 * article that is (0 at the top, 1 at the end), and when it was last read. The store keeps the
 * {@link MAX_POSITIONS} most recently read; the home screen lists them as "Continue reading".
 */
import { z } from 'zod';
import { ArticleIdSchema } from './ids';

/** Most positions kept: the most recently read articles; older ones are forgotten. */
export const MAX_POSITIONS = 500;

/** A position as the renderer sends it; the engine adds when it was read. */
export const PositionInputSchema = z.strictObject({
  articleId: ArticleIdSchema,
  /** The passage at the top of the view (none while the article's title is in view). */
  passageId: z.string().min(1).max(300).optional(),
  /** How far through the article the view is: 0 at its top, 1 at its end. */
  fraction: z.number().min(0).max(1),
});
export type PositionInput = z.infer<typeof PositionInputSchema>;

/** One article's position, as stored and listed. */
export const ArticlePositionSchema = PositionInputSchema.extend({
  /** When the article was last read (an ISO instant). */
  readAt: z.string().datetime({ offset: true }),
});
export type ArticlePosition = z.infer<typeof ArticlePositionSchema>;

/**
 * Put a position first, replacing the article's older one, and keep the newest
 * {@link MAX_POSITIONS}. The list is most recent first; the input is not changed.
 *
 * @example withPosition([], { articleId: 'sleep', fraction: 0.4, readAt: '2026-12-01T10:00:00Z' })
 */
export function withPosition(positions: readonly ArticlePosition[], position: ArticlePosition, max: number = MAX_POSITIONS): ArticlePosition[] {
  return [position, ...positions.filter((p) => p.articleId !== position.articleId)].slice(0, max);
}
