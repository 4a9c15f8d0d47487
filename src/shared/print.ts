/**
 * Printing: what can be printed, on what paper, and what saving a PDF answers.
 */

/** What a print holds: the whole article, the section being read, the passages selected, or the bookmarks. */
export const PRINT_SCOPES = ['article', 'section', 'selection', 'bookmarks'] as const;
export type PrintScope = (typeof PRINT_SCOPES)[number];

/** Paper sizes offered (CSS `@page size` names). */
export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Page margins offered. */
export const MARGIN_SIZES = ['narrow', 'normal', 'wide'] as const;
export type MarginSize = (typeof MARGIN_SIZES)[number];

/** Each margin size in millimetres. */
export const MARGIN_MM: Readonly<Record<MarginSize, number>> = { narrow: 12, normal: 20, wide: 30 };

/** What saving a PDF did: where it was written, or nothing (the reader cancelled the dialog). */
export type PdfSaveResult = { readonly saved: true; readonly path: string } | { readonly saved: false };
