/**
 * Front matter: the YAML block at the top of an article, parsed and validated by a schema.
 */
import { isMap, isScalar } from 'yaml';
import { parseContentYaml } from './content-yaml';
import { z } from 'zod';
import { NOTICES_FILE, NoticeNameSchema, type Notices } from './notices';
import type { ContentProblem } from './problems';

/** The validated front matter of an article. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO 8601 date (YYYY-MM-DD)')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');

/** The schema every article's front matter must satisfy. Unknown fields are errors (typos). */
export const FrontMatterSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9 and single dashes)')
    .max(200),
  title: z.string().trim().min(1, 'must not be empty'),
  published: isoDate.optional(),
  /** The publication as readers cite it: the site, journal or publisher. */
  source: z.string().trim().min(1, 'must not be empty').optional(),
  /** Who wrote it, as the publication credits them. */
  author: z.string().trim().min(1, 'must not be empty').optional(),
  /** How this file was made (captured, converted, restored by hand): for whoever edits it; never shown. */
  preparation: z.string().trim().min(1, 'must not be empty').optional(),
  topics: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  summary: z.string().trim().min(1, 'must not be empty').optional(),
  /** The name of a notice defined in the content folder's notices.yaml, shown in the article's header. */
  notice: NoticeNameSchema.optional(),
});

/** Front matter split from the body, with where the body starts. */
export interface SplitSource {
  /** The YAML text between the fences ('' when there is none). */
  readonly yaml: string;
  /** 0-based line index of the first YAML line in the file. */
  readonly yamlLine: number;
  /** The Markdown body. */
  readonly body: string;
  /** 0-based line index of the body's first line in the file. */
  readonly bodyLine: number;
  readonly hasFrontMatter: boolean;
}

/** Split `---` fenced front matter from the Markdown body. */
export function splitFrontMatter(source: string): SplitSource {
  const lines = source.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== '---') {
    return { yaml: '', yamlLine: 0, body: source, bodyLine: 0, hasFrontMatter: false };
  }
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\r?$/.test(l));
  if (end === -1) {
    return { yaml: '', yamlLine: 0, body: source, bodyLine: 0, hasFrontMatter: false };
  }
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 1,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 1,
    hasFrontMatter: true,
  };
}

/**
 * Parse and validate front matter, reporting every problem with its line and column.
 *
 * @param notices the notices of the content folder: a `notice` field must name one of them
 * @returns the front matter, or undefined when there were problems (all pushed to `problems`)
 */
export function parseFrontMatter(
  file: string,
  split: SplitSource,
  problems: ContentProblem[],
  notices: Notices = new Map(),
): FrontMatter | undefined {
  const at = (line: number, column: number, message: string): void => {
    problems.push({ file, line, column, message });
  };
  if (!split.hasFrontMatter) {
    at(1, 1, "front matter is missing: the file must start with '---', YAML fields, and '---'");
    return undefined;
  }
  const { doc, lineCounter, problems: yamlProblems } = parseContentYaml(split.yaml, 'front matter is');
  const fileLine = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + split.yamlLine, column: pos.col };
  };
  if (!doc) {
    for (const p of yamlProblems) {
      const { line, column } = fileLine(p.offset);
      at(line, column, p.message);
    }
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    at(split.yamlLine + 1, 1, `front matter cannot be read: ${(e as Error).message}`);
    return undefined;
  }
  const result = FrontMatterSchema.safeParse(data ?? {});
  if (result.success && (result.data.notice === undefined || notices.has(result.data.notice))) return result.data;

  const hasKey = (obj: unknown, key: string): boolean =>
    typeof obj === 'object' && obj !== null && Object.hasOwn(obj, key);
  // Point at the offending key's value where it exists, else at the end of the front matter.
  const locate = (key: string | undefined, unknownKey = false): { line: number; column: number } => {
    if (key !== undefined && isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (isScalar(pair.key) && pair.key.value === key) {
          const node = (unknownKey ? pair.key : (pair.value ?? pair.key)) as { range?: [number, number, number] };
          return fileLine(node.range?.[0] ?? 0);
        }
      }
    }
    return { line: split.bodyLine, column: 1 };
  };
  if (result.success) {
    const { line, column } = locate('notice');
    const known = [...notices.keys()].sort().map((n) => `'${n}'`);
    at(
      line,
      column,
      `front matter 'notice' '${result.data.notice}' is not defined in ${NOTICES_FILE}` +
        (known.length > 0 ? ` (it defines ${known.join(', ')})` : ' (the content folder defines no notices)'),
    );
    return undefined;
  }
  for (const issue of result.error.issues) {
    const key =
      issue.code === 'unrecognized_keys' ? issue.keys[0] : (issue.path[0] as string | undefined);
    const { line, column } = locate(key, issue.code === 'unrecognized_keys');
    if (issue.code === 'unrecognized_keys') {
      at(line, column, `front matter has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`);
    } else if (issue.code === 'invalid_type' && key !== undefined && !hasKey(data, key)) {
      at(line, column, `front matter '${issue.path.join('.')}' is required`);
    } else {
      at(line, column, `front matter '${issue.path.join('.')}' ${issue.message}`);
    }
  }
  return undefined;
}
