/**
 * The one contract between the UI and the engine.
 *
 * Main implements {@link QuireApi} over IPC, the web host over HTTP, the preload exposes it as
 * {@link QuireBridge}, and the renderer calls it. Every other type in this file is derived from
 * the interface, so a method is declared exactly once.
 */
import type { ArticleSummary, Article, PassageKind } from './model';

/** Options of a search call. */
export interface SearchOptions {
  /** Most results to return (1 to 200, default 20). */
  readonly limit?: number;
}

/** One search hit: a passage, where it sits, and why it matched. */
export interface SearchHit {
  readonly articleId: string;
  readonly articleTitle: string;
  readonly sectionId: string;
  readonly sectionTitle: string;
  /** Enclosing section titles, outermost first. */
  readonly sectionPath: readonly string[];
  readonly passageId: string;
  readonly kind: PassageKind;
  /** The passage's full plain text. */
  readonly text: string;
  /** A window of the text around the best match (with `…` where cut). */
  readonly snippet: string;
  /** Matched words in `snippet`, as [start, end) UTF-16 offsets. */
  readonly highlights: readonly (readonly [number, number])[];
  readonly score: number;
}

/** The answer to a search call. */
export interface SearchResponse {
  readonly query: string;
  /** Hits found before `limit` was applied. */
  readonly total: number;
  readonly results: readonly SearchHit[];
}

/** Everything the UI can ask of the engine. */
export interface QuireApi {
  /** All articles in the library, newest first, undated last. */
  listArticles(): Promise<readonly ArticleSummary[]>;
  /** One whole article; fails with `not-found` for an unknown id. */
  getArticle(id: string): Promise<Article>;
  /** Full-text search over every passage of every article, best first. */
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
}

/** The name of one API method. */
export type ApiMethod = keyof QuireApi;

/** IPC channel names, `domain:action`, one per method. */
export const CHANNELS = {
  listArticles: 'articles:list',
  getArticle: 'articles:get',
  search: 'search:query',
} as const satisfies Record<ApiMethod, string>;

/** The method names, in a stable order. */
export const API_METHODS = Object.keys(CHANNELS) as ApiMethod[];

/** Why a call failed. */
export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'forbidden' | 'internal';

/** A failed call as it crosses the boundary. */
export interface ApiFailure {
  readonly ok: false;
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

/** A call's outcome as it crosses the boundary: errors are values, never thrown across IPC. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | ApiFailure;

/** The arguments of a method. */
export type ApiArgs<M extends ApiMethod> = Parameters<QuireApi[M]>;

/** The resolved value of a method. */
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<QuireApi[M]>>;

/** What the preload exposes as `window.quire`: each method returns a result envelope. */
export type QuireBridge = {
  readonly [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>;
};

/** The error a renderer-side call throws when the engine answers with a failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turn a bridge (envelopes) into the plain API (values or thrown {@link ApiError}).
 *
 * @example const api = unwrapBridge(window.quire); const list = await api.listArticles();
 */
export function unwrapBridge(bridge: QuireBridge): QuireApi {
  const call =
    <M extends ApiMethod>(method: M) =>
    async (...args: ApiArgs<M>): Promise<ApiValue<M>> => {
      const fn = bridge[method] as (...a: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>;
      const result = await fn(...args);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    };
  return {
    listArticles: call('listArticles'),
    getArticle: call('getArticle'),
    search: call('search'),
  };
}
