/**
 * YAML in content (front matter, notices.yaml, synonyms.yaml), parsed so that no input can hang
 * or crash the build: every way it can fail is a problem with its position.
 *
 * - Aliases (`*name`) are refused, wherever they are: content never needs them, and a few lines
 *   of aliases to aliases ("billion laughs") expand to billions of values.
 * - Nesting deeper than `MAX_YAML_DEPTH` is refused before the document is built: the `yaml`
 *   package builds collections recursively, and a few hundred thousand `[` exhaust its stack
 *   and then the heap, which kills the process rather than throwing.
 * - Anything the parser throws is caught and reported, never passed on as a bare error.
 */
import { type Document, Lexer, LineCounter, parseDocument, visit } from 'yaml';

/** Deepest nesting of collections accepted. Front matter and synonyms use 3 at most. */
export const MAX_YAML_DEPTH = 32;

/** A problem at a UTF-16 offset of the YAML text. */
export interface YamlProblem {
  readonly offset: number;
  readonly message: string;
}

/** A parsed YAML text: the document when there were no problems, and offsets mapped to lines. */
export interface ParsedYaml {
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  readonly problems: readonly YamlProblem[];
}

/**
 * Parse content YAML, or say at which offsets it is wrong.
 *
 * @param what the subject of messages, with its verb: "front matter is", "synonyms are"
 * @example parseContentYaml('a: [1, 2]', 'front matter is').doc?.toJS() // { a: [1, 2] }
 */
export function parseContentYaml(text: string, what: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const fail = (problems: YamlProblem[]): ParsedYaml => ({ doc: undefined, lineCounter, problems });
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return fail([{ offset: deep, message: `${what} nested more than ${MAX_YAML_DEPTH} levels deep: content YAML is never this deep` }]);
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    return fail([{ offset: 0, message: `${what} not readable as YAML: ${(e as Error).message}` }]);
  }
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => ({ offset: e.pos[0], message: `${what} not valid YAML: ${e.message.split('\n')[0]}` })));
  }
  const aliases: { offset: number; name: string }[] = [];
  visit(doc, {
    Alias(_, node) {
      aliases.push({ offset: node.range?.[0] ?? 0, name: node.source });
    },
  });
  if (aliases.length > 0) {
    const [first] = aliases;
    const more = aliases.length > 1 ? `, and ${aliases.length - 1} more` : '';
    return fail([{ offset: first!.offset, message: `${what} not allowed to use YAML aliases (*${first!.name}${more}): write each value out in full` }]);
  }
  return { doc, lineCounter, problems: [] };
}

/**
 * The offset where nesting first passes `MAX_YAML_DEPTH`, from the lexer's tokens (linear and
 * without recursion, and it knows quoted text from brackets): flow collections, plus the block
 * indicators (`-`, `?`, `:`) that stand side by side on one line, each of which opens a level.
 */
function tooDeepAt(text: string): number | undefined {
  let flow = 0;
  let onLine = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's markers for a document, a scalar and a flow's end are not in the text.
    if (token === '\x02' || token === '\x1f' || token === '\x18') continue;
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (token === '\n' || token === '\r\n') onLine = 0;
    else if (flow === 0 && (token === '-' || token === '?' || token === ':')) onLine++;
    if (flow + onLine > MAX_YAML_DEPTH) return offset;
    offset += token.length;
  }
  return undefined;
}
