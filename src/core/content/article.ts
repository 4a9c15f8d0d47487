/**
 * Article parsing: one Markdown file with front matter into the Article model.
 *
 * src/core/content turns the files people write into the article model, and says exactly where
 * any of them is wrong. This module reads one article: its front matter is checked by
 * frontmatter.ts against a schema, and the notice it names is looked up in the folder's
 * notices.yaml (notices.ts), both parsed by content-yaml.ts so that no YAML can hang the build;
 * its body becomes sections and passages here. Every problem is a ContentProblem (problems.ts),
 * reported as file:line:column. build.ts reads a whole folder (content-files.ts opens only
 * regular files, within a size limit) into a library and its search index, and content-cache.ts
 * keeps that build for the next start when it can be trusted.
 *
 * Markdown is parsed by markdown-it (CommonMark with GFM tables) with raw HTML disabled, so all
 * HTML it produces is escaped text plus markdown-it's own tags: safe to display as is. Two
 * custom containers add structure plain Markdown lacks: `::: faq` (each `###` heading inside is a
 * question over its answer) and `::: comment author="…" time="…"` (one reader comment). Each
 * kind of block token has its handler ({@link HANDLERS}); they share one {@link ParseContext}.
 */
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type { Token } from 'markdown-it';
import {
  COMMENTS_SECTION_ID,
  LEAD_SECTION_ID,
  LEAD_SECTION_TITLE,
  type Article,
  type Passage,
  type PassageKind,
  type Section,
  type TableData,
} from '../../shared/model';
import { type FrontMatter, parseFrontMatter, splitFrontMatter } from './frontmatter';
import type { Notices } from './notices';
import { type ContentProblem, bytePositionOf, firstInvalidUtf8 } from './problems';
import { countWords, slugify } from '../../shared/text';

/** Attribution lines in a blockquote start with a dash: `> — Name, role`. */
const ATTRIBUTION = /^\s*(?:—|–|--)\s*(.+)$/s;
/** Attributes of a container's opening line: `key="value"`. */
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g;
/** Comment times: ISO 8601 local date-time to the minute or second. */
const COMMENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?$/;

function createMarkdown() {
  const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
  md.enable('table');
  md.use(container, 'faq');
  md.use(container, 'comment');
  // An image is its description: an article never loads a picture, least of all from the network.
  md.renderer.rules.image = (tokens, i, options, env, self) => md.utils.escapeHtml(self.renderInlineAsText(tokens[i]!.children ?? [], options, env));
  return md;
}

const markdown = createMarkdown();

/** Plain text of an inline token's children: words exactly as written, markup removed. */
export function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let out = '';
  for (const child of token.children) {
    if (child.type === 'text' || child.type === 'code_inline') out += child.content;
    else if (child.type === 'softbreak') out += ' ';
    else if (child.type === 'hardbreak') out += '\n';
    else if (child.type === 'image') out += inlineText(child);
  }
  return out;
}

/** Sanitized inline HTML of an inline token. */
function renderInline(token: Token | undefined): string {
  return markdown.renderer.renderInline(token?.children ?? [], markdown.options, {});
}

/** Sanitized HTML of a run of block tokens, without the trailing newline. */
function renderBlocks(tokens: readonly Token[]): string {
  return markdown.renderer.render(tokens as Token[], markdown.options, {}).trim();
}

/** Index of the token closing the block opened at `open`. */
export function closingIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** The plain text of every inline token and code block in a range, one entry per block. */
function blockTexts(tokens: readonly Token[], from: number, to: number): string[] {
  const texts: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type === 'inline') texts.push(inlineText(t));
    // Code inside a list item or a comment is shown with it: its words are the passage's too.
    else if (t.type === 'fence' || t.type === 'code_block') texts.push(t.content.replace(/\n$/, ''));
  }
  return texts;
}

/** The outcome of parsing one file: the article, or nothing and problems. */
export interface ParsedArticle {
  readonly article?: Article;
  readonly problems: readonly ContentProblem[];
  /** 1-based line of the `id` field, for pointing at duplicates. */
  readonly idLine: number;
}

/**
 * The state of one file's parse, shared by every token handler: the tokens, what has been read
 * from them so far, and the problems found.
 */
class ParseContext {
  readonly sections: Section[] = [];
  readonly passages: Passage[] = [];
  readonly comments: Passage[] = [];
  readonly commentIds = new Set<string>();
  /** The section that text goes into now; none before the first heading or text. */
  section: Section | undefined;
  /** The headings the current one is under, outermost first, ending with it. */
  stack: Section[] = [];
  /** Inside a `::: faq` block. */
  inFaq = false;
  /** Lists read so far, for numbering their ids. */
  listCount = 0;
  /** An unknown container was reported: a bare `:::` after it is its close, not a new problem. */
  containerReported = false;
  private readonly sectionIds = new Set<string>();
  private readonly perSection = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly tokens: readonly Token[],
    /** The Markdown body's lines, for counting a table row's cells as written. */
    readonly bodyLines: readonly string[],
    /** 0-based line of the body's first line in the file. */
    private readonly bodyLine: number,
    readonly problems: ContentProblem[],
  ) {}

  /** Report a problem at a 0-based body line (the body's first line when there is none). */
  report(line0: number | undefined, message: string): void {
    this.problems.push({ file: this.file, line: this.bodyLine + (line0 ?? 0) + 1, column: 1, message });
  }

  /** `base`, or `base-2`, `base-3`… when it is taken; the id returned is taken from then on. */
  uniqueId(base: string, taken: Set<string> = this.sectionIds): string {
    let id = base || 'section';
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  }

  /** Start a section: it is where the passages that follow go. */
  openSection(s: Section): void {
    this.sections.push(s);
    this.stack.push(s);
    this.section = s;
  }

  /** Give the current section the faq role (the last one read is the current one). */
  markFaq(): void {
    if (!this.section) return;
    this.section = { ...this.section, role: 'faq' };
    this.sections[this.sections.length - 1] = this.section;
  }

  /** Add a passage to the current section, numbered within it; text before any heading starts the lead. */
  addPassage(line0: number | undefined, fields: Omit<Passage, 'id' | 'sectionId'>): void {
    if (this.comments.length > 0) {
      this.report(line0, 'reader comments must come last: move this text above the first ::: comment');
    }
    if (!this.section) {
      this.section = { id: this.uniqueId(LEAD_SECTION_ID), title: LEAD_SECTION_TITLE, level: 1, path: [LEAD_SECTION_TITLE] };
      this.sections.push(this.section);
    }
    const s = this.section;
    const n = (this.perSection.get(s.id) ?? 0) + 1;
    this.perSection.set(s.id, n);
    this.passages.push({ id: `${s.id}-${n}`, sectionId: s.id, ...fields });
  }
}

/**
 * Reads the token at `i` and any it covers.
 *
 * @returns the index of the last token it read
 */
type TokenHandler = (ctx: ParseContext, i: number) => number;

/** `## Heading`: a section, or a question inside `::: faq`. */
const heading: TokenHandler = (ctx, i) => {
  const t = ctx.tokens[i]!;
  const level = Number(t.tag.slice(1));
  const inline = ctx.tokens[i + 1];
  const text = inlineText(inline).trim();
  const end = closingIndex(ctx.tokens, i);
  if (level === 1) {
    ctx.report(t.map?.[0], "heading level 1 is reserved for the title: use '##' for sections");
    return end;
  }
  if (!text) {
    ctx.report(t.map?.[0], 'heading is empty');
    return end;
  }
  ctx.stack = ctx.stack.filter((s) => s.level < level && s.id !== LEAD_SECTION_ID);
  const role = ctx.inFaq && level >= 3 ? ('question' as const) : undefined;
  ctx.openSection({
    id: ctx.uniqueId(slugify(text)),
    title: text,
    level,
    path: [...ctx.stack.map((p) => p.title), text],
    ...(role ? { role } : {}),
  });
  if (role) ctx.addPassage(t.map?.[0], { kind: 'question', text, html: renderInline(inline) });
  return end;
};

/** A paragraph: text (an answer under a question), or what markdown-it could not read as a container or table. */
const paragraph: TokenHandler = (ctx, i) => {
  const line0 = ctx.tokens[i]!.map?.[0];
  const inline = ctx.tokens[i + 1];
  const end = closingIndex(ctx.tokens, i);
  const raw = inline?.content ?? '';
  if (/^:::/.test(raw)) {
    // A bare ':::' closes a container already reported as unknown.
    if (/^:::\s*$/.test(raw) && ctx.containerReported) return end;
    ctx.report(line0, `unknown or malformed container '${raw.split('\n')[0]}': use '::: faq' or '::: comment author="…" time="…"'`);
    ctx.containerReported = true;
    return end;
  }
  if (/^\s*\|.*\|\s*$/m.test(raw) && /^\s*\|?\s*:?-{3,}/m.test(raw)) {
    ctx.report(line0, tableProblem(raw));
    return end;
  }
  const kind: PassageKind = ctx.inFaq && ctx.section?.role === 'question' ? 'answer' : 'paragraph';
  ctx.addPassage(line0, { kind, text: inlineText(inline), html: renderInline(inline) });
  return end;
};

/** A bulleted or numbered list: one passage per item, all carrying the list. */
const list: TokenHandler = (ctx, i) => {
  const { tokens } = ctx;
  const end = closingIndex(tokens, i);
  const info = { id: `list-${++ctx.listCount}`, ordered: tokens[i]!.type === 'ordered_list_open' };
  for (let j = i + 1; j < end; j++) {
    if (tokens[j]!.type !== 'list_item_open') continue;
    const itemEnd = closingIndex(tokens, j);
    const text = blockTexts(tokens, j + 1, itemEnd).join('\n');
    if (text.trim()) ctx.addPassage(tokens[j]!.map?.[0], { kind: 'list-item', text, html: renderBlocks(tokens.slice(j + 1, itemEnd)), list: info });
    else ctx.report(tokens[j]!.map?.[0], 'list item is empty');
    j = itemEnd;
  }
  return end;
};

/** A table: one passage, its cells as data; every row must have the header's number of cells. */
const table: TokenHandler = (ctx, i) => {
  const line0 = ctx.tokens[i]!.map?.[0] ?? 0;
  const end = closingIndex(ctx.tokens, i);
  const data = tableData(ctx.tokens, i, end);
  const width = data.header.length;
  data.rows.forEach((row, r) => {
    // Counted on the line as written: markdown-it pads a short row and drops a long row's extra cells.
    const cells = (ctx.bodyLines[line0 + 2 + r] ?? '').replace(/^\s*\|/, '').replace(/\|\s*$/, '').split(/(?<!\\)\|/).length;
    if (cells !== width) ctx.report(line0 + 2 + r, `malformed table: row ${r + 1} has ${cells} cells, the header has ${width}`);
  });
  const text = [data.header, ...data.rows].map((row) => row.join(' | ')).join('\n');
  ctx.addPassage(ctx.tokens[i]!.map?.[0], { kind: 'table', text, html: renderBlocks(ctx.tokens.slice(i, end + 1)), table: data });
  return end;
};

/** A blockquote: one passage; a last paragraph starting with a dash is its attribution. */
const blockquote: TokenHandler = (ctx, i) => {
  const end = closingIndex(ctx.tokens, i);
  const paragraphs: { text: string; html: string }[] = [];
  for (let j = i + 1; j < end; j++) {
    const t = ctx.tokens[j]!;
    if (t.type === 'inline') paragraphs.push({ text: inlineText(t), html: renderInline(t) });
    // Code quoted is part of the quote: shown in its own block, its words the passage's.
    else if (t.type === 'fence' || t.type === 'code_block') paragraphs.push({ text: t.content.replace(/\n$/, ''), html: renderBlocks([t]) });
  }
  const last = paragraphs.at(-1);
  const cite = paragraphs.length > 1 && last ? ATTRIBUTION.exec(last.text) : null;
  const body = cite ? paragraphs.slice(0, -1) : paragraphs;
  const attribution = cite?.[1]?.trim();
  const quote = body.map((p) => p.text).join('\n\n');
  ctx.addPassage(ctx.tokens[i]!.map?.[0], {
    kind: 'quote',
    text: attribution ? `${quote}\n— ${attribution}` : quote,
    html: body.map((p) => (p.html.startsWith('<pre>') ? p.html : `<p>${p.html}</p>`)).join('\n'),
    ...(attribution ? { attribution } : {}),
  });
  return end;
};

/** `::: faq`: the section it is in becomes a questions-and-answers block. */
const faqOpen: TokenHandler = (ctx, i) => {
  if (ctx.inFaq) ctx.report(ctx.tokens[i]!.map?.[0], 'a ::: faq block cannot be nested');
  ctx.inFaq = true;
  ctx.markFaq();
  return i;
};

/** The `:::` closing a faq block. */
const faqClose: TokenHandler = (ctx, i) => {
  ctx.inFaq = false;
  return i;
};

/** `::: comment author="…" time="…"`: one reader comment, kept apart from the body. */
const comment: TokenHandler = (ctx, i) => {
  const { tokens } = ctx;
  const line0 = tokens[i]!.map?.[0];
  const end = closingIndex(tokens, i);
  const attrs = Object.fromEntries([...tokens[i]!.info.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
  const author = attrs.author?.trim();
  const time = attrs.time?.trim();
  if (!author) ctx.report(line0, `comment 'author' is required: ::: comment author="Name" time="2025-11-20T07:08"`);
  if (!time) ctx.report(line0, "comment 'time' is required (ISO 8601, e.g. 2025-11-20T07:08)");
  else if (!COMMENT_TIME.test(time) || Number.isNaN(Date.parse(time))) {
    ctx.report(line0, `comment 'time' must be an ISO 8601 date-time (e.g. 2025-11-20T07:08), got '${time}'`);
  }
  const texts = blockTexts(tokens, i + 1, end);
  if (texts.length === 0) ctx.report(line0, 'comment has no text');
  if (author && time && texts.length > 0) {
    ctx.comments.push({
      id: ctx.uniqueId(`comment-${slugify(author)}-${time.replace(/\D/g, '')}`, ctx.commentIds),
      kind: 'comment',
      sectionId: COMMENTS_SECTION_ID,
      text: texts.join('\n\n'),
      html: renderBlocks(tokens.slice(i + 1, end)),
      attribution: author,
      time,
    });
  }
  return end;
};

/** Fenced or indented code: a paragraph passage of the code exactly as written. */
const code: TokenHandler = (ctx, i) => {
  const t = ctx.tokens[i]!;
  ctx.addPassage(t.map?.[0], { kind: 'paragraph', text: t.content.replace(/\n$/, ''), html: renderBlocks([t]) });
  return i;
};

/**
 * The handler for each kind of token that starts a block; every other kind (a paragraph's inline
 * content, a horizontal rule, the closing tokens) adds nothing.
 */
const HANDLERS: ReadonlyMap<string, TokenHandler> = new Map([
  ['heading_open', heading],
  ['paragraph_open', paragraph],
  ['bullet_list_open', list],
  ['ordered_list_open', list],
  ['table_open', table],
  ['blockquote_open', blockquote],
  ['container_faq_open', faqOpen],
  ['container_faq_close', faqClose],
  ['container_comment_open', comment],
  ['fence', code],
  ['code_block', code],
]);

/**
 * Parse one article file.
 *
 * @param file path used in problem reports
 * @param bytes the raw file content
 * @param notices the content folder's notices, which the front matter's `notice` names
 * @example const { article, problems } = parseArticle('content/sleep.md', readFileSync(path));
 */
export function parseArticle(file: string, bytes: Uint8Array, notices: Notices = new Map()): ParsedArticle {
  const problems: ContentProblem[] = [];
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const { line, column } = bytePositionOf(bytes, bad);
    const hex = bytes[bad]!.toString(16).padStart(2, '0');
    problems.push({ file, line, column, message: `file is not valid UTF-8 (byte 0x${hex})` });
    return { problems, idLine: 1 };
  }
  let source = new TextDecoder('utf-8').decode(bytes);
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const split = splitFrontMatter(source);
  const front = parseFrontMatter(file, split, problems, notices);
  const idLine = 1 + split.yaml.split('\n').findIndex((l) => /^id\s*:/.test(l)) + split.yamlLine;

  const ctx = new ParseContext(file, markdown.parse(split.body, {}), split.body.split('\n'), split.bodyLine, problems);
  for (let i = 0; i < ctx.tokens.length; i++) {
    const handler = HANDLERS.get(ctx.tokens[i]!.type);
    if (handler) i = handler(ctx, i);
  }

  if (ctx.passages.length === 0 && problems.length === 0) {
    ctx.report(undefined, 'article is empty: it has no body text after the front matter');
  }
  if (!front || problems.length > 0) return { problems, idLine };
  return { article: articleOf(front, ctx, notices), problems, idLine };
}

/** The article from its checked front matter and its parsed body. */
function articleOf(front: FrontMatter, ctx: ParseContext, notices: Notices): Article {
  const { sections, passages, comments } = ctx;
  const body = passages.map((p) => p.text).join(' ');
  return {
    id: front.id,
    title: front.title,
    ...(front.published ? { published: front.published } : {}),
    ...(front.source ? { source: front.source } : {}),
    ...(front.author ? { author: front.author } : {}),
    topics: front.topics,
    ...(front.summary ? { summary: front.summary } : {}),
    // parseFrontMatter has checked that the notice is defined.
    ...(front.notice ? { notice: notices.get(front.notice)! } : {}),
    wordCount: countWords(body),
    commentCount: comments.length,
    sections,
    passages,
    comments,
  };
}

/** Cells of a table as plain text. */
function tableData(tokens: readonly Token[], open: number, close: number): TableData {
  const rows: string[][] = [];
  let row: string[] | undefined;
  for (let j = open; j < close; j++) {
    const t = tokens[j]!;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'inline' && row) row.push(inlineText(t).trim());
    else if (t.type === 'tr_close' && row) rows.push(row);
  }
  const [header = [], ...body] = rows;
  return { header, rows: body };
}

/** Why a block of pipe-separated lines did not parse as a table. */
function tableProblem(text: string): string {
  const lines = text.split('\n');
  const cells = (l: string): number => l.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).length;
  const header = lines[0] ?? '';
  const delimiter = lines[1] ?? '';
  return `malformed table: the header has ${cells(header)} cells but the delimiter row has ${cells(delimiter)}`;
}
