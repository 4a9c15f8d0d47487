/**
 * Article parsing: one Markdown file with front matter into the Article model.
 *
 * Markdown is parsed by markdown-it (CommonMark with GFM tables) with raw HTML disabled, so all
 * HTML it produces is escaped text plus markdown-it's own tags: safe to display as is. Two
 * custom containers add structure plain Markdown lacks: `::: faq` (each `###` heading inside is a
 * question over its answer) and `::: comment author="…" time="…"` (one reader comment).
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
import { parseFrontMatter, splitFrontMatter } from './frontmatter';
import type { Notices } from './notices';
import { type ContentProblem, bytePositionOf, firstInvalidUtf8 } from './problems';
import { countWords, slugify } from '../search/text';

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
  return md;
}

const markdown = createMarkdown();

/** Plain text of an inline token's children: words exactly as written, markup removed. */
function inlineText(token: Token | undefined): string {
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

/** Index of the token closing the block opened at `open`. */
function closingIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** The plain text of every inline token in a range, one entry per block. */
function blockTexts(tokens: readonly Token[], from: number, to: number): string[] {
  const texts: string[] = [];
  for (let i = from; i < to; i++) {
    if (tokens[i]!.type === 'inline') texts.push(inlineText(tokens[i]));
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

  const at = (line0: number | undefined, message: string): void => {
    problems.push({ file, line: split.bodyLine + (line0 ?? 0) + 1, column: 1, message });
  };
  const bodyLines = split.body.split('\n');
  const tokens = markdown.parse(split.body, {});

  const sections: Section[] = [];
  const passages: Passage[] = [];
  const comments: Passage[] = [];
  const sectionIds = new Set<string>();
  const perSection = new Map<string, number>();
  const commentIds = new Set<string>();

  let section: Section | undefined;
  let stack: Section[] = [];
  let inFaq = false;
  let listCount = 0;

  const uniqueId = (base: string, taken: Set<string>): string => {
    let id = base || 'section';
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const currentSection = (): Section => {
    if (!section) {
      section = { id: uniqueId(LEAD_SECTION_ID, sectionIds), title: LEAD_SECTION_TITLE, level: 1, path: [LEAD_SECTION_TITLE] };
      sections.push(section);
    }
    return section;
  };
  const addPassage = (line0: number | undefined, fields: Omit<Passage, 'id' | 'sectionId'>): void => {
    if (comments.length > 0) {
      at(line0, 'reader comments must come last: move this text above the first ::: comment');
    }
    const s = currentSection();
    const n = (perSection.get(s.id) ?? 0) + 1;
    perSection.set(s.id, n);
    passages.push({ id: `${s.id}-${n}`, sectionId: s.id, ...fields });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const line0 = t.map?.[0];
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        const inline = tokens[i + 1];
        const text = inlineText(inline).trim();
        i = closingIndex(tokens, i);
        if (level === 1) {
          at(line0, "heading level 1 is reserved for the title: use '##' for sections");
          break;
        }
        if (!text) {
          at(line0, 'heading is empty');
          break;
        }
        stack = stack.filter((s) => s.level < level && s.id !== LEAD_SECTION_ID);
        const role = inFaq && level >= 3 ? ('question' as const) : undefined;
        const s: Section = {
          id: uniqueId(slugify(text), sectionIds),
          title: text,
          level,
          path: [...stack.map((p) => p.title), text],
          ...(role ? { role } : {}),
        };
        sections.push(s);
        stack.push(s);
        section = s;
        if (role) {
          addPassage(line0, { kind: 'question', text, html: renderInline(inline) });
        }
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const text = inlineText(inline);
        i = closingIndex(tokens, i);
        const raw = inline?.content ?? '';
        if (/^:::/.test(raw)) {
          // A bare ':::' closes a container already reported as unknown.
          if (/^:::\s*$/.test(raw) && problems.some((p) => p.message.includes('container'))) break;
          at(line0, `unknown or malformed container '${raw.split('\n')[0]}': use '::: faq' or '::: comment author="…" time="…"'`);
          break;
        }
        if (/^\s*\|.*\|\s*$/m.test(raw) && /^\s*\|?\s*:?-{3,}/m.test(raw)) {
          at(line0, tableProblem(raw));
          break;
        }
        const kind: PassageKind = inFaq && section?.role === 'question' ? 'answer' : 'paragraph';
        addPassage(line0, { kind, text, html: renderInline(inline) });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const end = closingIndex(tokens, i);
        const list = { id: `list-${++listCount}`, ordered: t.type === 'ordered_list_open' };
        for (let j = i + 1; j < end; j++) {
          if (tokens[j]!.type !== 'list_item_open') continue;
          const itemEnd = closingIndex(tokens, j);
          const text = blockTexts(tokens, j + 1, itemEnd).join('\n');
          const html = markdown.renderer.render(tokens.slice(j + 1, itemEnd), markdown.options, {}).trim();
          if (text.trim()) addPassage(tokens[j]!.map?.[0], { kind: 'list-item', text, html, list });
          else at(tokens[j]!.map?.[0], 'list item is empty');
          j = itemEnd;
        }
        i = end;
        break;
      }
      case 'table_open': {
        const end = closingIndex(tokens, i);
        const table = tableData(tokens, i, end);
        const width = table.header.length;
        table.rows.forEach((row, r) => {
          const cells = (bodyLines[(line0 ?? 0) + 2 + r] ?? '').replace(/^\s*\|/, '').replace(/\|\s*$/, '').split(/(?<!\\)\|/).length;
          if (cells !== width) at((line0 ?? 0) + 2 + r, `malformed table: row ${r + 1} has ${cells} cells, the header has ${width}`);
        });
        const text = [table.header, ...table.rows].map((row) => row.join(' | ')).join('\n');
        const html = markdown.renderer.render(tokens.slice(i, end + 1), markdown.options, {}).trim();
        addPassage(line0, { kind: 'table', text, html, table });
        i = end;
        break;
      }
      case 'blockquote_open': {
        const end = closingIndex(tokens, i);
        const paragraphs: { text: string; html: string }[] = [];
        for (let j = i + 1; j < end; j++) {
          if (tokens[j]!.type === 'inline') {
            paragraphs.push({ text: inlineText(tokens[j]), html: renderInline(tokens[j]) });
          }
        }
        const last = paragraphs.at(-1);
        const cite = paragraphs.length > 1 && last ? ATTRIBUTION.exec(last.text) : null;
        const body = cite ? paragraphs.slice(0, -1) : paragraphs;
        const attribution = cite?.[1]?.trim();
        const quote = body.map((p) => p.text).join('\n\n');
        addPassage(line0, {
          kind: 'quote',
          text: attribution ? `${quote}\n— ${attribution}` : quote,
          html: body.map((p) => `<p>${p.html}</p>`).join('\n'),
          ...(attribution ? { attribution } : {}),
        });
        i = end;
        break;
      }
      case 'container_faq_open':
        if (inFaq) at(line0, 'a ::: faq block cannot be nested');
        inFaq = true;
        if (section) section = { ...section, role: 'faq' };
        if (section) sections[sections.length - 1] = section;
        break;
      case 'container_faq_close':
        inFaq = false;
        break;
      case 'container_comment_open': {
        const end = closingIndex(tokens, i);
        const attrs = Object.fromEntries([...t.info.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
        const author = attrs.author?.trim();
        const time = attrs.time?.trim();
        if (!author) at(line0, `comment 'author' is required: ::: comment author="Name" time="2025-11-20T07:08"`);
        if (!time) at(line0, "comment 'time' is required (ISO 8601, e.g. 2025-11-20T07:08)");
        else if (!COMMENT_TIME.test(time) || Number.isNaN(Date.parse(time))) {
          at(line0, `comment 'time' must be an ISO 8601 date-time (e.g. 2025-11-20T07:08), got '${time}'`);
        }
        const texts = blockTexts(tokens, i + 1, end);
        if (texts.length === 0) at(line0, 'comment has no text');
        if (author && time && texts.length > 0) {
          const id = uniqueId(`comment-${slugify(author)}-${time.replace(/\D/g, '')}`, commentIds);
          comments.push({
            id,
            kind: 'comment',
            sectionId: COMMENTS_SECTION_ID,
            text: texts.join('\n\n'),
            html: markdown.renderer.render(tokens.slice(i + 1, end), markdown.options, {}).trim(),
            attribution: author,
            time,
          });
        }
        i = end;
        break;
      }
      case 'fence':
      case 'code_block':
        addPassage(line0, { kind: 'paragraph', text: t.content.replace(/\n$/, ''), html: markdown.renderer.render([t], markdown.options, {}).trim() });
        break;
      default:
        break;
    }
  }

  if (passages.length === 0 && problems.length === 0) {
    at(undefined, 'article is empty: it has no body text after the front matter');
  }
  if (!front || problems.length > 0) return { problems, idLine };

  const body = passages.map((p) => p.text).join(' ');
  const article: Article = {
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
  return { article, problems, idLine };
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
