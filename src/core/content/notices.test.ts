import { describe, expect, it } from 'vitest';
import { parseNotices } from './notices';
import type { ContentProblem } from './problems';

const positioned = (problems: readonly ContentProblem[]): string[] =>
  problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);

describe('parseNotices', () => {
  it('reads named notice texts, trimmed, comments ignored', () => {
    const problems: ContentProblem[] = [];
    const notices = parseNotices('content/notices.yaml', '# Notices\nmedical: "  Not medical advice.  "\nlegal-note: Not legal advice.\n', problems);
    expect([...notices]).toEqual([
      ['medical', 'Not medical advice.'],
      ['legal-note', 'Not legal advice.'],
    ]);
    expect(problems).toEqual([]);
  });

  it('has no notices and no problems for an empty file', () => {
    const problems: ContentProblem[] = [];
    expect(parseNotices('n.yaml', '# nothing yet\n', problems).size).toBe(0);
    expect(problems).toEqual([]);
  });

  it('reports every bad entry with file:line:column and keeps the good ones', () => {
    const problems: ContentProblem[] = [];
    const notices = parseNotices(
      'content/notices.yaml',
      'medical: "Not medical advice."\nBad Name: "x"\nempty: ""\nlist: [a, b]\nnone:\nlong: "' + 'x'.repeat(501) + '"\n',
      problems,
    );
    expect([...notices.keys()]).toEqual(['medical']);
    expect(positioned(problems)).toEqual([
      "content/notices.yaml:2:1 notice name 'Bad Name' must be a lowercase slug (a-z, 0-9 and single dashes)",
      "content/notices.yaml:3:8 notice 'empty' must not be empty",
      "content/notices.yaml:4:7 notice 'list' must be a text, in quotes",
      "content/notices.yaml:5:6 notice 'none' must be a text, in quotes",
      "content/notices.yaml:6:7 notice 'long' must be short: at most 500 characters",
    ]);
  });

  it('reports invalid YAML, duplicate names and a file that is not a mapping', () => {
    const bad: ContentProblem[] = [];
    parseNotices('n.yaml', 'medical: "unclosed\n', bad);
    expect(positioned(bad)).toEqual(['n.yaml:2:1 notices are not valid YAML: Missing closing "quote']);
    const twice: ContentProblem[] = [];
    parseNotices('n.yaml', 'medical: a\nmedical: b\n', twice);
    expect(positioned(twice)).toEqual(['n.yaml:2:1 notices are not valid YAML: Map keys must be unique']);
    const list: ContentProblem[] = [];
    parseNotices('n.yaml', '- medical\n', list);
    expect(positioned(list)).toEqual(['n.yaml:1:1 notices must be a mapping of names to texts, like medical: "This is not medical advice."']);
  });
});
