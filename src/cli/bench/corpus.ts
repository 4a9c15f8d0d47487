/**
 * The synthetic libraries of the benchmark: seeded, Zipf-distributed text written as real
 * Markdown articles, so the build the benchmark times is the real pipeline.
 *
 * The vocabulary is several thousand made-up but pronounceable words ("tramou", "bexil"),
 * frequent words shorter than rare ones, with a few dozen real medical words mixed in at
 * mid-to-high frequency so that queries like "sleep" find passages in every corpus.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom, type Random, weightedSampler, zipfWeights } from './random';

/** How a synthetic library is made. */
export interface CorpusOptions {
  /** Passages in the whole library. */
  readonly passages: number;
  /** Seed of the PRNG: equal seeds, equal libraries. */
  readonly seed?: number;
  /** Passages per article (the last article takes what is left). */
  readonly passagesPerArticle?: number;
  /** Distinct words in the vocabulary. */
  readonly vocabularySize?: number;
  /** Zipf exponent of word frequencies. */
  readonly zipfExponent?: number;
  /** Mean words per passage (passages range from 70% to 130% of it). */
  readonly meanWords?: number;
}

/** Defaults of {@link CorpusOptions}. */
export const CORPUS_DEFAULTS = {
  seed: 1,
  passagesPerArticle: 20,
  vocabularySize: 6000,
  zipfExponent: 1,
  meanWords: 85,
} as const;

/** One generated article: its file name and Markdown source. */
export interface GeneratedArticle {
  readonly fileName: string;
  readonly markdown: string;
  /** Passages (paragraphs) in it. */
  readonly passages: number;
}

/** Real words shared by every corpus, so that realistic queries find something. */
export const MEDICAL_WORDS: readonly string[] = [
  'sleep', 'baclofen', 'muscle', 'dose', 'patients', 'syndrome', 'insomnia', 'treatment',
  'clinical', 'symptoms', 'mouth', 'dryness', 'swallowing', 'spasticity', 'placebo', 'nerve',
  'pain', 'tablet', 'therapy', 'disorder', 'chronic', 'fatigue', 'anxiety', 'withdrawal',
  'tremor', 'saliva', 'relaxant', 'dosage', 'trial', 'study', 'doctor', 'nausea', 'dizziness',
  'sedation', 'tolerance', 'receptor', 'neurology', 'sclerosis', 'injury', 'spinal', 'tension',
  'cramps', 'medication', 'prescription', 'effects', 'sjogren', 'immune', 'gland',
];

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'st', 'tr', 'sh', 'ch', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', '', '', 'n', 'r', 's', 'l', 'm', 'x', 'nd', 'st', 'rt'];
/** Share of 1-, 2-, 3- and 4-syllable words in the vocabulary. */
const SYLLABLE_WEIGHTS = [25, 40, 25, 10];
/** Ranks between which the medical words are placed (frequent, but not the most frequent). */
const MEDICAL_RANKS = [20, 1500] as const;

/** A pronounceable made-up word of 1 to 4 syllables. */
function makeWord(random: Random, syllables: number): string {
  let word = '';
  for (let s = 0; s < syllables; s++) {
    word += random.pick(ONSETS) + random.pick(VOWELS);
    if (s === syllables - 1 || random.next() < 0.3) word += random.pick(CODAS);
  }
  return word;
}

/**
 * The vocabulary, most frequent word first.
 *
 * Made-up words are ordered by length with some jitter (frequent words are short in real text),
 * then the medical words are inserted at random ranks between 20 and 1500.
 */
export function generateVocabulary(random: Random, size: number = CORPUS_DEFAULTS.vocabularySize): string[] {
  if (size < MEDICAL_WORDS.length * 2) throw new Error(`bench: vocabulary of ${size} words is too small`);
  const taken = new Set(MEDICAL_WORDS);
  const drawSyllables = weightedSampler(SYLLABLE_WEIGHTS);
  const made: { word: string; key: number }[] = [];
  while (made.length < size - MEDICAL_WORDS.length) {
    const word = makeWord(random, drawSyllables(random) + 1);
    if (word.length < 2 || taken.has(word)) continue;
    taken.add(word);
    made.push({ word, key: word.length + random.next() * 4 });
  }
  const words = made.sort((a, b) => a.key - b.key).map((m) => m.word);
  const [lo, hi] = MEDICAL_RANKS;
  for (const word of MEDICAL_WORDS) words.splice(random.int(lo, Math.min(hi, words.length)), 0, word);
  return words;
}

/** Capitalize the first letter. */
function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Draws words of a vocabulary with Zipf frequencies. */
class WordSource {
  private readonly draw: (random: Random) => number;

  constructor(
    private readonly random: Random,
    private readonly vocabulary: readonly string[],
    exponent: number,
  ) {
    this.draw = weightedSampler(zipfWeights(vocabulary.length, exponent));
  }

  word(): string {
    return this.vocabulary[this.draw(this.random)]!;
  }

  /** `count` words as title-cased text (titles and headings). */
  title(count: number): string {
    return Array.from({ length: count }, () => capitalize(this.word())).join(' ');
  }

  /** A paragraph of exactly `count` words in sentences of 6 to 18 words. */
  paragraph(count: number): string {
    const sentences: string[] = [];
    for (let left = count; left > 0; ) {
      const n = Math.min(left, this.random.int(6, 18));
      left -= n;
      const words: string[] = [];
      for (let i = 0; i < n; i++) {
        const comma = i < n - 1 && i > 0 && this.random.next() < 0.06 ? ',' : '';
        words.push(this.word() + comma);
      }
      sentences.push(`${capitalize(words.join(' '))}.`);
    }
    return sentences.join(' ');
  }
}

/** The topics an article is tagged with (front matter). */
const TOPICS = ['sleep', 'baclofen', 'muscle-relaxants', 'neurology', 'pain', 'sjogrens-syndrome', 'insomnia', 'spasticity'];

/**
 * Generate the articles of a synthetic library, one at a time (so that 50,000 passages need not
 * sit in memory as Markdown at once).
 *
 * Each article has front matter (id, title, published, source, topics), a lead paragraph and 3 to
 * 5 `##` sections sharing the rest of its passages; every passage is one paragraph.
 *
 * @example for (const a of generateArticles({ passages: 1000 })) await writeFile(a.fileName, a.markdown);
 */
export function* generateArticles(options: CorpusOptions): Generator<GeneratedArticle> {
  const o = { ...CORPUS_DEFAULTS, ...options };
  if (!Number.isInteger(o.passages) || o.passages < 1) {
    throw new Error(`bench: a corpus needs a whole number of passages ≥ 1, got ${o.passages}`);
  }
  const random = createRandom(o.seed);
  const words = new WordSource(random, generateVocabulary(random, o.vocabularySize), o.zipfExponent);
  const minWords = Math.round(o.meanWords * 0.7);
  const maxWords = Math.round(o.meanWords * 1.3);
  const articleCount = Math.ceil(o.passages / o.passagesPerArticle);
  const digits = String(articleCount).length;
  const firstDay = Date.UTC(2015, 0, 1);
  for (let a = 0; a < articleCount; a++) {
    const count = Math.min(o.passagesPerArticle, o.passages - a * o.passagesPerArticle);
    const id = `bench-${String(a + 1).padStart(digits, '0')}`;
    const topics = [...new Set([random.pick(TOPICS), random.pick(TOPICS)])];
    const published = new Date(firstDay + random.int(0, 3650) * 86_400_000).toISOString().slice(0, 10);
    const lines = [
      '---',
      `id: ${id}`,
      `title: ${JSON.stringify(words.title(random.int(3, 7)))}`,
      `published: ${published}`,
      `source: "Quire benchmark corpus (seed ${o.seed})"`,
      `topics: [${topics.join(', ')}]`,
      '---',
      '',
    ];
    const paragraph = (): string => words.paragraph(random.int(minWords, maxWords));
    lines.push(paragraph(), '');
    // The passages after the lead, shared among the sections, each section getting at least one.
    const rest = count - 1;
    const sections = Math.min(rest, random.int(3, 5));
    for (let s = 0; s < sections; s++) {
      const share = Math.floor(rest / sections) + (s < rest % sections ? 1 : 0);
      lines.push(`## ${words.title(random.int(2, 5))}`, '');
      for (let p = 0; p < share; p++) lines.push(paragraph(), '');
    }
    yield { fileName: `${id}.md`, markdown: lines.join('\n'), passages: count };
  }
}

/**
 * Write a synthetic library into a folder as Markdown files.
 *
 * @returns how many articles and passages were written
 */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<{ articles: number; passages: number }> {
  await mkdir(dir, { recursive: true });
  let articles = 0;
  let passages = 0;
  for (const article of generateArticles(options)) {
    await writeFile(join(dir, article.fileName), article.markdown);
    articles++;
    passages += article.passages;
  }
  return { articles, passages };
}
