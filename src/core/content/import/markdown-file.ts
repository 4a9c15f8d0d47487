/**
 * The reader's own Markdown files (notes from Obsidian, posts from Jekyll or Hugo, Pandoc
 * documents): front matter read leniently, the body repaired until parseArticle reads it with
 * no problem, never a word changed.
 *
 * A bundled article is written for parseArticle and must follow its rules; a file someone adds
 * was written for other tools, so its structure is restored instead of refused:
 * - its title comes out of the body (an H1 at the top) and every other heading is levelled so
 *   that the outline starts at `##`, with no skipped levels and nothing deeper than `######`;
 * - empty headings and empty list items are dropped (they have no words; an empty heading
 *   right after a list or quote becomes a thematic break, which ends them as it did); a list
 *   item whose only content is code is taken out of its list so the code stays;
 * - a table's short rows are padded and a row longer than its header widens the header, so no
 *   cell is dropped; a paragraph that only looks like a broken table is escaped;
 * - `::: faq` and `::: comment` containers are kept when they are well-formed and in their
 *   place; any other `:::` line is escaped, so it shows as the text it is.
 *
 * Structure comes from markdown-it's tokens (the same configuration as article.ts) and their
 * line maps; edits are made to whole source lines of the blocks parseArticle reads, so code
 * blocks and fences are never touched. Raw HTML and images stay as written: the parser shows
 * HTML as text and an image as its description. The result is checked with parseArticle
 * itself; should it still object, or the only text be in comments, every `:::` line is escaped
 * and the repair done again.
 */
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type { Token } from 'markdown-it';
import { closingIndex, inlineText, parseArticle } from '../article';
import { parseContentYaml } from '../content-yaml';
import { splitFrontMatter } from '../frontmatter';
import { formatProblem } from '../problems';
import { ImportFileError, type Imported, type ImportedMeta, importedMarkdown } from './imported';
import { collapseWhitespace, isoDay, titleFromFileName } from './meta';

/** The parser parseArticle uses: CommonMark, GFM tables, raw HTML off, the two containers. */
const markdown = (() => {
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
  md.enable('table');
  md.use(container, 'faq');
  md.use(container, 'comment');
  return md;
})();

/** Attributes of a container's opening line, as article.ts reads them. */
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g;
/** Comment times article.ts accepts. */
const COMMENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?$/;
/** The rounds of container repair before every `:::` line is escaped instead. */
const MAX_CONTAINER_ROUNDS = 20;

/** Front matter keys read, each with the names other tools give it (compared in lower case). */
const KEYS = {
  title: ['title'],
  author: ['author', 'authors', 'creator'],
  date: ['date', 'published', 'pubdate'],
  source: ['source', 'site', 'publisher'],
  url: ['url', 'link', 'canonical', 'canonical_url'],
  summary: ['summary', 'description'],
  topics: ['tags', 'topics', 'keywords'],
} as const;

/**
 * A Markdown file as an imported article.
 *
 * Front matter is optional: YAML between `---` fences, read with the project's safe YAML
 * parser (aliases refused), keeping what it says about the title, author(s), date, source,
 * address, summary and tags under the names Obsidian, Jekyll, Hugo and Pandoc use; unknown keys
 * are ignored. A block that is not a YAML mapping (a thematic break and a line of text) is left
 * in the body. A TOML (`+++`) block is not front matter: it stays in the body as text.
 *
 * The title is the front matter's, else the first heading's (an H1 at the top of the body is
 * taken out as the title; with no H1, the first heading of any level names the article and
 * stays in the body), else the file name made readable.
 *
 * @throws ImportFileError when the front matter is not valid YAML (with its line), or the file
 *   has no text besides headings
 * @example importMarkdown('# Sleep\n\nText.', 'sleep.md') // { format: 'markdown', meta: { title: 'Sleep' }, body: 'Text.\n' }
 */
export function importMarkdown(text: string, fileName: string): Imported {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { meta, body } = readFrontMatter(source);
  const lines = body.split('\n');
  if (lines.every((l) => l.trim() === '')) throw new ImportFileError('the file has no text');

  let repaired = repair(fixContainers(lines), meta.title);
  let problem = repaired.passages > 0 ? firstProblem(repaired.lines) : undefined;
  if (repaired.passages === 0 || problem !== undefined) {
    // A container parseArticle still objects to (or whose comments hold all the text): show every ::: line as text.
    repaired = repair(escapeEveryContainerLine(lines), meta.title);
    problem = repaired.passages > 0 ? firstProblem(repaired.lines) : undefined;
  }
  if (repaired.passages === 0) throw new ImportFileError('the file has no text besides its headings');
  if (problem !== undefined) throw new ImportFileError(`it could not be read as an article (${problem})`);

  const title = meta.title ?? repaired.title ?? titleFromFileName(fileName);
  const out = repaired.lines.join('\n').replace(/^(?:[ \t]*\n)+/, '');
  return { format: 'markdown', meta: { ...meta, title }, body: out.endsWith('\n') ? out : `${out}\n` };
}

/** Front matter fields found, the title possibly missing. */
type FrontFields = Omit<ImportedMeta, 'title'> & { title?: string };

/** Split and read optional front matter; the body is the rest, or everything when there is none. */
function readFrontMatter(source: string): { meta: FrontFields; body: string } {
  const split = splitFrontMatter(source);
  if (!split.hasFrontMatter) return { meta: {}, body: source };
  const { doc, lineCounter, problems } = parseContentYaml(split.yaml, 'its front matter is');
  if (!doc) {
    const { offset, message } = problems[0]!;
    const line = lineCounter.linePos(offset).line + split.yamlLine;
    const detail = /^its front matter is not valid YAML: (.*)$/s.exec(message);
    throw new ImportFileError(detail ? `its front matter is not valid YAML (line ${line}: ${detail[1]})` : `${message} (line ${line})`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new ImportFileError(`its front matter cannot be read (${(e as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    // '---', a line of text, '---' is a thematic break and a heading; empty fences are empty front matter.
    return { meta: {}, body: split.yaml.trim() === '' ? split.body : source };
  }
  return { meta: fieldsOf(data as Record<string, unknown>), body: split.body };
}

/** What the front matter says, under the names other tools give each field. */
function fieldsOf(data: Record<string, unknown>): FrontFields {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(data)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  const value = (keys: readonly string[]): unknown => keys.map((k) => lower.get(k)).find((v) => v !== undefined && v !== null);
  const texts = (v: unknown): string[] => {
    const items = Array.isArray(v) ? v : typeof v === 'string' ? [v] : v === undefined ? [] : [v];
    return items
      .map((i) => (typeof i === 'string' || typeof i === 'number' ? String(i) : isNamed(i) ? i.name : ''))
      .map((s) => collapseWhitespace(s))
      .filter(Boolean);
  };
  const one = (keys: readonly string[]): string | undefined => texts(value(keys))[0];

  const title = one(KEYS.title);
  // Obsidian writes people as wiki links: "[[Ada Lovelace]]".
  const authors = texts(value(KEYS.author)).map((a) => a.replace(/^\[\[(?:[^\]|]*\|)?([^\]]*)\]\]$/, '$1').trim());
  const author = authors.filter(Boolean).join(', ');
  const date = one(KEYS.date);
  const published = date ? isoDay(date) : undefined;
  // A source that is an address (Obsidian's web clipper writes one) is where the page was published.
  const sourceValue = one(KEYS.source);
  const sourceIsUrl = sourceValue !== undefined && /^https?:\/\//i.test(sourceValue);
  const source = sourceIsUrl ? undefined : sourceValue;
  const url = one(KEYS.url) ?? (sourceIsUrl ? sourceValue : undefined);
  const summary = one(KEYS.summary);
  const rawTopics = value(KEYS.topics);
  const topics = [
    ...new Set(
      (typeof rawTopics === 'string' ? rawTopics.split(',') : texts(rawTopics)).map((t) => collapseWhitespace(t).replace(/^#/, '')).filter(Boolean),
    ),
  ];
  return {
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(source ? { source } : {}),
    ...(published ? { published } : {}),
    ...(summary ? { summary } : {}),
    ...(topics.length > 0 ? { topics } : {}),
    ...(url ? { url } : {}),
  };
}

function isNamed(v: unknown): v is { name: string } {
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';
}

/**
 * The blocks parseArticle reads, in order: each is visited at its opening token, and what
 * parseArticle reads as a whole (a heading, paragraph, list, table, quote, comment) is skipped
 * over. `::: faq` is entered: what it holds is read like the rest.
 */
function* readBlocks(tokens: readonly Token[]): Generator<{ index: number; end: number; inFaq: boolean }> {
  let inFaq = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'container_faq_open') {
      yield { index: i, end: i, inFaq };
      inFaq = true;
      continue;
    }
    if (t.type === 'container_faq_close') {
      inFaq = false;
      continue;
    }
    const end = t.nesting === 1 ? closingIndex(tokens, i) : i;
    yield { index: i, end, inFaq };
    i = end;
  }
}

/** Escape a line's first `:` so that a `:::` line reads as text. */
function escapeColons(line: string): string {
  return line.replace(/^(\s*):/, '$1\\:');
}

/**
 * Keep the containers parseArticle accepts where they are, and escape every other `:::` line.
 *
 * A `::: faq` must be closed and not inside another container; a `::: comment` must be closed,
 * at the top level, have an author, an ISO 8601 time and text but no code, and be followed by
 * nothing but comments and thematic breaks (a comment followed by anything else is escaped, and
 * so is every comment before it). A paragraph starting with `:::` (an unknown container such as `::: note`, a stray closing
 * line) has its `:::` lines escaped. Escaping a container can uncover another problem (its
 * contents are read anew), so this repeats until a round finds nothing.
 */
function fixContainers(input: readonly string[]): string[] {
  let lines = [...input];
  for (let round = 0; round < MAX_CONTAINER_ROUNDS; round++) {
    const tokens = markdown.parse(lines.join('\n'), {});
    const plan: Plan = new Map();
    const blocks = [...readBlocks(tokens)];
    // From the end: a comment is in its place only when nothing but comments follows it (a
    // malformed one is escaped this round, and the comments before it the next).
    let tailIsComments = true;
    for (let b = blocks.length - 1; b >= 0; b--) {
      const { index, end } = blocks[b]!;
      const t = tokens[index]!;
      if (t.type === 'container_comment_open') {
        const ok = tailIsComments && t.level === 0 && closedAt(t, lines) !== undefined && commentIsComplete(tokens, index, end);
        if (!ok) dissolve(plan, tokens, index, lines);
      } else if (t.type !== 'hr') {
        tailIsComments = false;
      }
      if (t.type === 'container_faq_open' && (t.level > 0 || closedAt(t, lines) === undefined)) dissolve(plan, tokens, index, lines);
      if (t.type === 'paragraph_open' && /^:::/.test(tokens[index + 1]?.content ?? '')) {
        for (let n = t.map![0]; n < t.map![1]; n++) if (/^\s*:::/.test(lines[n]!)) plan.set(n, [escapeColons(lines[n]!)]);
      }
    }
    if (plan.size === 0) return lines;
    lines = lines.flatMap((l, n) => plan.get(n) ?? [l]);
  }
  return escapeEveryContainerLine(lines);
}

/** Lines to put in place of a line, by its index. */
type Plan = Map<number, string[]>;

/**
 * Plan a container's `:::` lines escaped, each a paragraph of its own between blank lines, and
 * any fence it held open closed where it ended.
 *
 * Escaped in place, an opening line would join the paragraph around it and change how the
 * lines after it read (`===` under it would make it a heading); standing alone, it is a
 * paragraph, and what the container held reads as it did inside. A fence the container's end
 * closed would run on past it, swallowing what follows, so its closing line is written.
 */
function dissolve(plan: Plan, tokens: readonly Token[], open: number, lines: readonly string[]): void {
  const t = tokens[open]!;
  const from = t.map![0];
  plan.set(from, ['', escapeColons(lines[from]!), '']);
  // A nested container ends where its parent does: that closing line is the parent's.
  const close = t.level === 0 ? closedAt(t, lines) : undefined;
  if (close === undefined) return;
  const closers = tokens
    .slice(open + 1, closingIndex(tokens, open))
    .filter((f) => f.type === 'fence' && f.map![1] === close && !fenceClosed(f, lines))
    .map((f) => {
      const opening = lines[f.map![0]]!;
      // The fence's own indentation and quote marks; a list marker becomes spaces.
      const prefix = opening.slice(0, opening.indexOf(f.markup)).replace(/[-+*]|\d{1,9}[.)]/g, (m) => ' '.repeat(m.length));
      return prefix + f.markup;
    });
  plan.set(close, [...closers.reverse(), '', escapeColons(lines[close]!), '']);
}

/** A fence ended by its own closing line, not by the end of what held it. */
function fenceClosed(f: Token, lines: readonly string[]): boolean {
  const [from, to] = f.map!;
  const last = to - 1;
  const mark = f.markup[0] === '~' ? '~' : '`';
  return last > from && new RegExp(`^[\\s>]*\\${mark}{${f.markup.length},}\\s*$`).test(lines[last]!);
}

/** The line of a container's closing `:::`, or undefined when markdown-it closed it at the end of the text. */
function closedAt(t: Token, lines: readonly string[]): number | undefined {
  const at = t.map![1];
  const line = lines[at];
  return line !== undefined && new RegExp(`^ {0,3}:{${t.markup.length},}\\s*$`).test(line) ? at : undefined;
}

/**
 * A comment has what article.ts requires (an author, an ISO 8601 time, some text) and nothing it
 * would leave out of the comment's text: code, whose words could then not be found.
 */
function commentIsComplete(tokens: readonly Token[], open: number, close: number): boolean {
  const attrs = Object.fromEntries([...tokens[open]!.info.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
  const author = attrs.author?.trim();
  const time = attrs.time?.trim();
  const inside = tokens.slice(open + 1, close);
  const hasText = inside.some((t) => t.type === 'inline');
  const hasCode = inside.some((t) => t.type === 'fence' || t.type === 'code_block');
  return !!author && !!time && COMMENT_TIME.test(time) && !Number.isNaN(Date.parse(time)) && hasText && !hasCode;
}

/**
 * Every `:::` line outside code escaped: no container is left. The lines that open or close a
 * container are dissolved as {@link dissolve} does; any other is text already and is escaped
 * in place.
 */
function escapeEveryContainerLine(input: readonly string[]): string[] {
  const tokens = markdown.parse(input.join('\n'), {});
  const plan: Plan = new Map();
  const code = new Set<number>();
  tokens.forEach((t, i) => {
    if ((t.type === 'fence' || t.type === 'code_block') && t.map) for (let n = t.map[0]; n < t.map[1]; n++) code.add(n);
    if (t.type.startsWith('container_') && t.nesting === 1) dissolve(plan, tokens, i, input);
  });
  input.forEach((l, n) => {
    if (!code.has(n) && !plan.has(n) && /^\s*:::/.test(l)) plan.set(n, [escapeColons(l)]);
  });
  return input.flatMap((l, n) => plan.get(n) ?? [l]);
}

/** Lines replaced: `[from, to)` by `lines`. */
interface Edit {
  readonly from: number;
  readonly to: number;
  readonly lines: readonly string[];
}

/** The body after the structural repairs, the title found in it, and how many passages it makes. */
interface Repaired {
  readonly lines: string[];
  readonly title?: string;
  readonly passages: number;
}

/**
 * Repair the blocks parseArticle reads: the title out, headings levelled, empty headings and
 * list items dropped, tables made rectangular, paragraphs that look like broken tables escaped.
 *
 * @param frontTitle the front matter's title: an H1 at the top that says the same is dropped
 */
function repair(lines: readonly string[], frontTitle: string | undefined): Repaired {
  const tokens = markdown.parse(lines.join('\n'), {});
  const edits: Edit[] = [];
  const drop = (t: Token): void => {
    edits.push({ from: t.map![0], to: t.map![1], lines: [''] });
  };
  let title: string | undefined;
  let passages = 0;

  // The title: an H1 at the top, unless the front matter has a different one.
  const top = tokens[0];
  const topText = top?.type === 'heading_open' && top.tag === 'h1' ? collapseWhitespace(inlineText(tokens[1])) : '';
  const titleAtTop = topText !== '' && (frontTitle === undefined || frontTitle.toLowerCase() === topText.toLowerCase());
  if (titleAtTop) title = topText;
  else if (frontTitle === undefined) {
    const headings = tokens.filter((t, i) => t.type === 'heading_open' && t.level === 0 && collapseWhitespace(inlineText(tokens[i + 1])) !== '');
    const named = headings.find((t) => t.tag === 'h1') ?? headings[0];
    if (named) title = collapseWhitespace(inlineText(tokens[tokens.indexOf(named) + 1]));
  }

  /** Source levels of the headings open above the current one. */
  const outline: number[] = [];
  /** The type of the block before the current one. */
  let previous = '';
  for (const { index, end, inFaq } of readBlocks(tokens)) {
    const t = tokens[index]!;
    const before = previous;
    previous = t.type;
    switch (t.type) {
      case 'heading_open': {
        if (index === 0 && titleAtTop) {
          drop(t);
          break;
        }
        if (inlineText(tokens[index + 1]).trim() === '') {
          // A heading ends a list or quote; a blank line would let an indented or lazy line after it join them.
          if (/^(?:bullet_list|ordered_list|blockquote)_open$/.test(before)) edits.push({ from: t.map![0], to: t.map![1], lines: ['***'] });
          else drop(t);
          break;
        }
        const level = Number(t.tag.slice(1));
        let target: number;
        if (inFaq) {
          // Inside a faq, ### and deeper are questions and ## a section: keep what each is.
          target = Math.max(level, 2);
          if (target >= 3) passages++;
        } else {
          while (outline.length > 0 && outline.at(-1)! >= level) outline.pop();
          target = Math.min(6, 2 + outline.length);
          outline.push(level);
        }
        const edit = relevel(t, tokens[index + 1]!, target, lines);
        if (edit) edits.push(edit);
        break;
      }
      case 'paragraph_open': {
        passages++;
        const raw = tokens[index + 1]?.content ?? '';
        // parseArticle reads a paragraph with a pipe row and a dash row as a broken table.
        if (/^\s*\|.*\|\s*$/m.test(raw) && /^\s*\|?\s*:?-{3,}/m.test(raw)) {
          const [from, to] = t.map!;
          const escaped = lines.slice(from, to).map((l) => (/^\s*\|?\s*:?-{3,}/.test(l) ? l.replace(/^(\s*)/, '$1\\') : l));
          edits.push({ from, to, lines: escaped });
        }
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        passages += repairList(tokens, index, end, edits);
        break;
      case 'table_open':
        passages++;
        repairTable(tokens, index, end, lines, edits);
        break;
      case 'blockquote_open':
      case 'fence':
      case 'code_block':
        passages++;
        break;
    }
  }

  const out = [...lines];
  for (const e of edits.sort((a, b) => b.from - a.from)) out.splice(e.from, e.to - e.from, ...e.lines);
  return { lines: out, ...(title ? { title } : {}), passages };
}

/**
 * A heading at another level: an ATX heading's `#`s changed, a Setext heading (whose level its
 * underline fixes) rewritten as ATX on one line. Undefined when the level is right already.
 */
function relevel(t: Token, inline: Token, target: number, lines: readonly string[]): Edit | undefined {
  const level = Number(t.tag.slice(1));
  if (level === target) return undefined;
  const [from, to] = t.map!;
  const hashes = '#'.repeat(target);
  if (t.markup.startsWith('#')) {
    return { from, to: from + 1, lines: [lines[from]!.replace(/^( {0,3})#{1,6}/, `$1${hashes}`)] };
  }
  // Setext: the content lines joined (a line break read as a space, as markdown-it reads it),
  // without the hard-break marks that mean nothing on one line.
  const content = inline.content
    .split('\n')
    .map((l) => l.trim().replace(/(^|[^\\])((?:\\\\)*)\\$/, '$1$2').trim())
    .join(' ');
  // A closing run of #s would be read as the ATX heading's optional closing sequence.
  const text = content.replace(/(^|[ \t])(#+)$/, '$1\\$2');
  // The blank line stands where the underline did: a table's delimiter row right under the
  // heading would make it that table's header.
  return { from, to, lines: [`${hashes} ${text}`, ''] };
}

/**
 * Drop a list's empty items (parseArticle refuses them), and take an item whose only content is
 * code out of the list, as a fence, so the code stays.
 *
 * @returns how many passages the list makes
 */
function repairList(tokens: readonly Token[], open: number, close: number, edits: Edit[]): number {
  let passages = 0;
  for (let j = open + 1; j < close; j++) {
    const item = tokens[j]!;
    if (item.type !== 'list_item_open') continue;
    const itemEnd = closingIndex(tokens, j);
    const inner = tokens.slice(j + 1, itemEnd);
    const text = inner.filter((t) => t.type === 'inline').map(inlineText).join('\n');
    if (text.trim() !== '') passages++;
    else {
      const code = inner.filter((t) => t.type === 'fence' || t.type === 'code_block');
      passages += code.length;
      edits.push({ from: item.map![0], to: item.map![1], lines: code.length > 0 ? ['', ...code.flatMap(fenceLines), ''] : [''] });
    }
    j = itemEnd;
  }
  return passages;
}

/** A code block written as a fence at the left margin, its content exactly as markdown-it read it. */
function fenceLines(t: Token): string[] {
  const body = t.content.replace(/\n$/, '');
  // The fence must be longer than any run of backticks that starts a line of the code.
  let length = 3;
  for (const m of body.matchAll(/^ {0,3}(`+)/gm)) length = Math.max(length, m[1]!.length + 1);
  const fence = '`'.repeat(length);
  const info = t.type === 'fence' ? t.info : '';
  return [`${fence}${info}`, ...(t.content === '' ? [] : body.split('\n')), fence];
}

/** Cells of a table row as parseArticle counts them on the line as written. */
function cellCount(line: string): number {
  return line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split(/(?<!\\)\|/).length;
}

/** Header cells of a header and delimiter line, as markdown-it reads them (0 when they are no table). */
function headerWidth(header: string, delimiter: string): number {
  return markdown.parse(`${header}\n${delimiter}`, {}).filter((t) => t.type === 'th_open').length;
}

/** A delimiter row for columns aligned as given ('' for none): `| --- | :--: |`. */
function delimiterRow(aligns: readonly string[]): string {
  const cell = (a: string): string => (a === 'left' ? ':---' : a === 'right' ? '---:' : a === 'center' ? ':---:' : '---');
  return `| ${aligns.map(cell).join(' | ')} |`;
}

/**
 * Make a table rectangular as parseArticle counts it: a row with more cells than the header
 * widens the header (markdown-it would drop the extra cells and their words), and every row
 * with fewer cells is padded with empty ones.
 */
function repairTable(tokens: readonly Token[], open: number, close: number, lines: readonly string[], edits: Edit[]): void {
  const start = tokens[open]!.map![0];
  const aligns: string[] = [];
  let rows = 0;
  for (let j = open; j < close; j++) {
    const t = tokens[j]!;
    if (t.type === 'th_open') aligns.push(/text-align:(\w+)/.exec(String(t.attrGet('style') ?? ''))?.[1] ?? '');
    if (t.type === 'tr_open' && t.map![0] >= start + 2) rows++;
  }
  const width = aligns.length;
  const rowLines = Array.from({ length: rows }, (_, r) => start + 2 + r);
  const target = Math.max(width, ...rowLines.map((n) => cellCount(lines[n]!)));
  if (target > width) {
    // The delimiter row is written anew, alignments kept; the header gets empty cells.
    const delimiter = delimiterRow([...aligns, ...Array<string>(target - width).fill('')]);
    let header = lines[start]!.trimEnd();
    if (headerWidth(`${header} |`, delimiterRow(aligns)) === width) header += ' |';
    header += '  |'.repeat(target - width);
    if (headerWidth(header, delimiter) === target) edits.push({ from: start, to: start + 2, lines: [header, delimiter] });
  }
  for (const n of rowLines) {
    let row = lines[n]!.trimEnd();
    for (let i = 0; i <= target && cellCount(row) < target; i++) row += ' |';
    if (row !== lines[n]!.trimEnd()) edits.push({ from: n, to: n + 1, lines: [row] });
  }
}

/** The first problem parseArticle finds in a body, formatted; undefined when there is none. */
function firstProblem(lines: readonly string[]): string | undefined {
  const source = importedMarkdown({ format: 'markdown', meta: { title: 'check' }, body: lines.join('\n') }, 'check', 'check.md');
  const first = parseArticle('check.md', new TextEncoder().encode(source)).problems[0];
  return first ? formatProblem(first) : undefined;
}
