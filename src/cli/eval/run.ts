/**
 * Running a collection's queries through one system, in a process of its own so that its time
 * and peak memory are its own: Quire (the real build and the app's search) or the BM25 baseline.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildLibrary } from '../../core/content/build';
import { search } from '../../core/search/search';
import type { SearchResponse } from '../../shared/api';
import type { BeirCollection } from './beir';
import { Bm25Index } from './bm25';
import { writeCollectionArticles } from './library';

/** The systems the eval compares. */
export const SYSTEMS = ['quire', 'bm25'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** What one system did with a collection. */
export interface SystemRun {
  readonly system: SystemName;
  /** Query id → document ids, best first. */
  readonly rankings: Record<string, string[]>;
  /** Building the index (for Quire: writing the Markdown and the real build). */
  readonly buildMs: number;
  /** Each query's time, in query order. */
  readonly queryMs: number[];
  /** The process's peak resident memory, in bytes. */
  readonly peakRssBytes: number;
}

/**
 * The documents of a search answer, best first: each article once, at its best place, whether
 * it came as a passage or as a title match.
 */
export function documentRanking(response: SearchResponse, docOf: (articleId: string) => string | undefined): string[] {
  const scored: { id: string; score: number; order: number }[] = [];
  response.results.forEach((hit, order) => scored.push({ id: hit.articleId, score: hit.score, order }));
  response.titles.forEach((hit, order) => scored.push({ id: hit.articleId, score: hit.score, order: response.results.length + order }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { id } of scored) {
    const doc = docOf(id);
    if (doc === undefined || seen.has(doc)) continue;
    seen.add(doc);
    out.push(doc);
  }
  return out;
}

/** Run every query of a collection through one system. */
export async function runSystem(system: SystemName, collection: BeirCollection, limit: number): Promise<SystemRun> {
  const rankings: Record<string, string[]> = {};
  const queryMs: number[] = [];
  if (system === 'bm25') {
    const t0 = performance.now();
    const index = new Bm25Index(collection.docs.map((d) => ({ id: d.id, text: `${d.title} ${d.text}` })));
    const buildMs = performance.now() - t0;
    for (const q of collection.queries) {
      const t = performance.now();
      rankings[q.id] = index.search(q.text, limit);
      queryMs.push(performance.now() - t);
    }
    return { system, rankings, buildMs, queryMs, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  }
  const dir = await mkdtemp(join(tmpdir(), 'quire-eval-'));
  try {
    const t0 = performance.now();
    const byArticle = await writeCollectionArticles(collection.docs, dir);
    const loaded = await buildLibrary(dir);
    const buildMs = performance.now() - t0;
    for (const q of collection.queries) {
      const t = performance.now();
      // The query as a person types it in full, without the collection's stray surrounding spaces.
      const response = search(loaded, q.text.trim(), { limit });
      rankings[q.id] = documentRanking(response, (id) => byArticle.get(id)).slice(0, limit);
      queryMs.push(performance.now() - t);
    }
    return { system, rankings, buildMs, queryMs, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
