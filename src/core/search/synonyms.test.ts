import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../content/problems';
import { parseSynonyms, SynonymTable } from './synonyms';
import { termOf } from '../../shared/text';

describe('parseSynonyms', () => {
  it('reads groups of words and phrases', () => {
    const problems: ContentProblem[] = [];
    expect(parseSynonyms('s.yaml', '# c\n- [kidney, renal]\n- [trouble swallowing, dysphagia]\n', problems)).toEqual([
      { words: ['kidney', 'renal'] },
      { words: ['trouble swallowing', 'dysphagia'] },
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

  it('reads labelled groups, and names a bad label or an unknown field by line', () => {
    const problems: ContentProblem[] = [];
    const groups = parseSynonyms('s.yaml', '- { words: [baclofen, Lioresal], label: "a brand name of baclofen" }\n- { words: [a1, b1], label: "" }\n- { words: [a2, b2], note: x }\n', problems);
    expect(groups).toEqual([{ words: ['baclofen', 'Lioresal'], label: 'a brand name of baclofen' }]);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "2: synonym group 2: 'label' must be a non-empty text",
      "3: synonym group 3: unknown field 'note' (a group has 'words' and an optional 'label')",
    ]);
  });
});

describe('SynonymTable', () => {
  it('looks up by index terms, so inflections and case still match', () => {
    const table = new SynonymTable([{ words: ['Kidney', 'renal'] }, { words: ['trouble swallowing', 'dysphagia'] }]);
    expect(table.lookup([termOf('kidneys')!]).map((s) => s.terms)).toEqual([[termOf('renal')]]);
    expect(table.lookup(['troubl', 'swallow']).map((s) => s.terms)).toEqual([[termOf('dysphagia')]]);
    expect(table.lookup(['nothing'])).toEqual([]);
    expect(table.longest).toBe(2);
  });
});
