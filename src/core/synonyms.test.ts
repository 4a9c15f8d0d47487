import { describe, expect, it } from 'vitest';
import type { ContentProblem } from './problems';
import { parseSynonyms, SynonymTable } from './synonyms';
import { termOf } from './text';

describe('parseSynonyms', () => {
  it('reads groups of words and phrases', () => {
    const problems: ContentProblem[] = [];
    expect(parseSynonyms('s.yaml', '# c\n- [kidney, renal]\n- [trouble swallowing, dysphagia]\n', problems)).toEqual([
      ['kidney', 'renal'],
      ['trouble swallowing', 'dysphagia'],
    ]);
    expect(problems).toEqual([]);
  });

  it('reports bad groups with file:line and bad YAML', () => {
    const problems: ContentProblem[] = [];
    parseSynonyms('s.yaml', '- [kidney, renal]\n- [alone]\n- [the, renal]\n- 42\n', problems);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:3 synonym group 2 must list at least two words or phrases',
      "3:3 synonym group 3: 'the' has no searchable word (only stop words or punctuation)",
      '4:3 synonym group 4 must list at least two words or phrases',
    ]);
    const bad: ContentProblem[] = [];
    parseSynonyms('s.yaml', '- [unclosed\n', bad);
    expect(bad[0]?.message).toMatch(/^synonyms are not valid YAML/);
    const notList: ContentProblem[] = [];
    parseSynonyms('s.yaml', 'kidney: renal\n', notList);
    expect(notList[0]?.message).toMatch(/must be a list of groups/);
  });
});

describe('SynonymTable', () => {
  it('looks up by index terms, so inflections and case still match', () => {
    const table = new SynonymTable([['Kidney', 'renal'], ['trouble swallowing', 'dysphagia']]);
    expect(table.lookup([termOf('kidneys')!])).toEqual([[termOf('renal')]]);
    expect(table.lookup(['troubl', 'swallow'])).toEqual([[termOf('dysphagia')]]);
    expect(table.lookup(['nothing'])).toEqual([]);
    expect(table.longest).toBe(2);
  });
});
