/**
 * Notices: editable data in `content/notices.yaml`, named short texts that articles show in
 * their header.
 *
 * The file maps a notice name to its text; an article names the one it carries in its front
 * matter (`notice: medical`), so one text serves every article that needs it and is edited
 * without touching code or articles:
 *
 *   medical: "This article is for general information only. It is not medical advice."
 */
import { isMap, isScalar } from 'yaml';
import { parseContentYaml } from './content-yaml';
import { z } from 'zod';
import type { ContentProblem } from './problems';

/** The notices file's name inside a content folder. */
export const NOTICES_FILE = 'notices.yaml';

/** Longest notice text, in characters: a notice is a sentence or two, not an article. */
const MAX_NOTICE_LENGTH = 500;

/** A notice name, as the file defines it and as front matter refers to it. */
export const NoticeNameSchema = z
  .string({ error: 'must be a name, like medical' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9 and single dashes)')
  .max(100, 'must be at most 100 characters');

/** A notice text: plain text, shown as written. */
const NoticeTextSchema = z
  .string({ error: 'must be a text, in quotes' })
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NOTICE_LENGTH, `must be short: at most ${MAX_NOTICE_LENGTH} characters`);

/** Notice texts by name. */
export type Notices = ReadonlyMap<string, string>;

/**
 * Parse and validate a notices file.
 *
 * @returns the valid notices by name; every problem is pushed to `problems` with its position
 * @example parseNotices('content/notices.yaml', 'medical: "Not medical advice."\n', problems)
 * // Map { 'medical' => 'Not medical advice.' }
 */
export function parseNotices(file: string, text: string, problems: ContentProblem[]): Map<string, string> {
  const { doc, lineCounter, problems: yamlProblems } = parseContentYaml(text, 'notices are');
  const at = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file, line, column: col, message });
  };
  const notices = new Map<string, string>();
  if (!doc) {
    for (const p of yamlProblems) at(p.offset, p.message);
    return notices;
  }
  if (doc.contents === null) return notices;
  if (!isMap(doc.contents)) {
    at(0, 'notices must be a mapping of names to texts, like medical: "This is not medical advice."');
    return notices;
  }
  const offsetOf = (node: unknown): number => (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : (pair.key as { toJSON?: () => unknown } | null)?.toJSON?.();
    const name = NoticeNameSchema.safeParse(key);
    if (!name.success) {
      at(offsetOf(pair.key), `notice name ${quoted(key)} ${name.error.issues[0]?.message ?? 'is not valid'}`);
      continue;
    }
    const value = isScalar(pair.value) ? pair.value.value : (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.();
    const body = NoticeTextSchema.safeParse(value);
    if (!body.success) {
      at(offsetOf(pair.value ?? pair.key), `notice '${name.data}' ${body.error.issues[0]?.message ?? 'is not valid'}`);
      continue;
    }
    notices.set(name.data, body.data);
  }
  return notices;
}

/** A YAML key as a message shows it. */
function quoted(key: unknown): string {
  return typeof key === 'string' ? `'${key}'` : String(JSON.stringify(key) ?? key);
}
