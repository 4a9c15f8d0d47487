import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { articleSource } from '../testing/temp-dir';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (source: string) => parseArticle('content/x.md', enc(source));
const messages = (source: string): string[] =>
  parse(source).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('parseArticle', () => {
  it('splits the body into sections with heading paths and stable passage ids', () => {
    const { article, problems } = parse(
      articleSource({ body: 'Lead text.\n\n## One\n\nFirst.\n\n### One A\n\nDeeper.\n\n## Two\n\n- a\n- b\n' }),
    );
    expect(problems).toEqual([]);
    expect(article?.sections.map((s) => [s.id, s.level, s.path.join(' > ')])).toEqual([
      // The text before the first heading is named by where it stands, not by the article's title.
      ['lead', 1, 'Beginning'],
      ['one', 2, 'One'],
      ['one-a', 3, 'One > One A'],
      ['two', 2, 'Two'],
    ]);
    expect(article?.passages.map((p) => `${p.id}:${p.kind}:${p.text}`)).toEqual([
      'lead-1:paragraph:Lead text.',
      'one-1:paragraph:First.',
      'one-a-1:paragraph:Deeper.',
      'two-1:list-item:a',
      'two-2:list-item:b',
    ]);
    expect(article?.passages[3]?.list).toEqual(article?.passages[4]?.list);
  });

  it('carries the publication and author as cited, and keeps the preparation note out of the article', () => {
    const front = 'id: cited\ntitle: Cited\nsource: The Example Journal\nauthor: Jane Doe\npreparation: Captured from the web by hand.';
    const { article, problems } = parse(articleSource({ front }));
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ source: 'The Example Journal', author: 'Jane Doe' });
    expect(JSON.stringify(article)).not.toContain('Captured from the web');
    const bare = parse(articleSource({ front: 'id: bare\ntitle: Bare' })).article;
    expect(bare && ('source' in bare || 'author' in bare)).toBe(false);
  });

  it('gives repeated headings distinct ids', () => {
    const { article } = parse(articleSource({ body: '## Same\n\nx\n\n## Same\n\ny\n' }));
    expect(article?.sections.map((s) => s.id)).toEqual(['same', 'same-2']);
  });

  it('escapes raw HTML instead of passing it through', () => {
    const { article } = parse(articleSource({ body: 'A <script>alert(1)</script> and <b>bold</b>.\n\n[x](javascript:alert(1))\n' }));
    const html = article?.passages.map((p) => p.html).join('\n') ?? '';
    expect(html).not.toMatch(/<script|<b>|href="javascript/);
    expect(article?.passages[0]?.text).toBe('A <script>alert(1)</script> and <b>bold</b>.');
  });

  it('reads a table into cells', () => {
    const { article, problems } = parse(articleSource({ body: '| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n' }));
    expect(problems).toEqual([]);
    const table = article?.passages[0];
    expect(table?.kind).toBe('table');
    expect(table?.table).toEqual({ header: ['A', 'B'], rows: [['1', '2'], ['3', '4']] });
    expect(table?.html).toMatch(/^<table>/);
  });

  it('separates a quote from its attribution', () => {
    const { article } = parse(articleSource({ body: '> “Sleep well.”\n>\n> — Dr. Someone, a specialist\n' }));
    const quote = article?.passages[0];
    expect(quote?.kind).toBe('quote');
    expect(quote?.attribution).toBe('Dr. Someone, a specialist');
    expect(quote?.html).toBe('<p>“Sleep well.”</p>');
    expect(quote?.text).toBe('“Sleep well.”\n— Dr. Someone, a specialist');
  });

  it('turns ::: faq headings into questions over their answers', () => {
    const { article, problems } = parse(
      articleSource({ body: '## Questions and answers\n\n::: faq\n\n### Is it safe?\n\nYes, mostly.\n\n### How fast?\n\nDays.\n\n:::\n' }),
    );
    expect(problems).toEqual([]);
    expect(article?.sections.map((s) => [s.title, s.role])).toEqual([
      ['Questions and answers', 'faq'],
      ['Is it safe?', 'question'],
      ['How fast?', 'question'],
    ]);
    expect(article?.passages.map((p) => `${p.kind}:${p.text}`)).toEqual([
      'question:Is it safe?',
      'answer:Yes, mostly.',
      'question:How fast?',
      'answer:Days.',
    ]);
  });

  it('keeps reader comments apart from the body, with author and time', () => {
    const { article, problems } = parse(
      articleSource({
        body: '## S\n\nBody.\n\n::: comment author="Ann Lee" time="2025-11-20T07:08"\n\nFirst line.\n\nSecond line.\n\n:::\n',
      }),
    );
    expect(problems).toEqual([]);
    expect(article?.passages.map((p) => p.kind)).toEqual(['paragraph']);
    expect(article?.comments).toEqual([
      expect.objectContaining({
        id: 'comment-ann-lee-202511200708',
        kind: 'comment',
        attribution: 'Ann Lee',
        time: '2025-11-20T07:08',
        text: 'First line.\n\nSecond line.',
        html: '<p>First line.</p>\n<p>Second line.</p>',
      }),
    ]);
    expect(article?.commentCount).toBe(1);
  });
});

describe('parseArticle problems', () => {
  it('reports missing front matter at 1:1', () => {
    expect(messages('## Just a body\n\ntext\n')).toEqual([
      "1:1 front matter is missing: the file must start with '---', YAML fields, and '---'",
    ]);
  });

  it('names each missing or invalid field at its line', () => {
    const out = messages(articleSource({ front: 'id: Not A Slug\npublished: 2025-02-30\nsource: x' }));
    expect(out).toEqual([
      "2:5 front matter 'id' must be a lowercase slug (a-z, 0-9 and single dashes)",
      "5:1 front matter 'title' is required",
      "3:12 front matter 'published' is not a real calendar date",
    ]);
  });

  it('rejects unknown fields and invalid YAML', () => {
    expect(messages(articleSource({ front: 'id: a\ntitle: T\nsource: s\ntitel: typo' }))).toEqual([
      "5:1 front matter has unknown field 'titel'",
    ]);
    expect(messages(articleSource({ front: 'id: a\ntitle: [unclosed\nsource: s' }))[0]).toMatch(/^[34]:\d+ front matter is not valid YAML/);
  });

  it('reports an empty article', () => {
    expect(messages(articleSource({ body: '\n\n' }))).toEqual(['6:1 article is empty: it has no body text after the front matter']);
  });

  it('reports non-UTF-8 bytes with their position', () => {
    const bytes = new Uint8Array([...enc(articleSource({ body: 'ok\n\nbad ' })), 0xff, 0x0a]);
    expect(parseArticle('content/x.md', bytes).problems).toEqual([
      { file: 'content/x.md', line: 9, column: 5, message: 'file is not valid UTF-8 (byte 0xff)' },
    ]);
  });

  it('reports a table whose delimiter row does not match its header', () => {
    expect(messages(articleSource({ body: '| A | B | C |\n| --- | --- |\n| 1 | 2 | 3 |\n' }))).toEqual([
      '7:1 malformed table: the header has 3 cells but the delimiter row has 2',
    ]);
  });

  it('reports a table row with the wrong number of cells', () => {
    expect(messages(articleSource({ body: '| A | B |\n| --- | --- |\n| 1 | 2 | 3 |\n' }))).toEqual([
      '9:1 malformed table: row 1 has 3 cells, the header has 2',
    ]);
  });

  it('reports comments without author or with a bad time', () => {
    const out = messages(
      articleSource({ body: 'Body.\n\n::: comment time="yesterday"\n\nHi.\n\n:::\n' }),
    );
    expect(out).toEqual([
      '9:1 comment \'author\' is required: ::: comment author="Name" time="2025-11-20T07:08"',
      "9:1 comment 'time' must be an ISO 8601 date-time (e.g. 2025-11-20T07:08), got 'yesterday'",
    ]);
  });

  it('reports text after the comments', () => {
    const body = 'Body.\n\n::: comment author="A" time="2025-01-01T10:00"\n\nHi.\n\n:::\n\nStray text.\n';
    expect(messages(articleSource({ body }))).toEqual([
      '15:1 reader comments must come last: move this text above the first ::: comment',
    ]);
  });

  it('reports a level-1 heading and an unknown container', () => {
    expect(messages(articleSource({ body: '# Title again\n\ntext\n\n::: note\n\nx\n\n:::\n' }))).toEqual([
      "7:1 heading level 1 is reserved for the title: use '##' for sections",
      "11:1 unknown or malformed container '::: note': use '::: faq' or '::: comment author=\"…\" time=\"…\"'",
    ]);
  });
});

describe('parseArticle notices', () => {
  const notices = new Map([
    ['medical', 'Not medical advice.'],
    ['legal', 'Not legal advice.'],
  ]);
  const withNotice = (notice: string): string => articleSource({ front: `id: a\ntitle: T\nsource: s\nnotice: ${notice}` });

  it('puts the text of the notice named in front matter into the article', () => {
    const { article, problems } = parseArticle('content/x.md', enc(withNotice('medical')), notices);
    expect(problems).toEqual([]);
    expect(article?.notice).toBe('Not medical advice.');
  });

  it('leaves the notice out of an article that names none', () => {
    const { article } = parseArticle('content/x.md', enc(articleSource()), notices);
    expect(article).toBeDefined();
    expect(article && 'notice' in article).toBe(false);
  });

  it('reports an unknown notice name at its front matter line, naming the defined ones', () => {
    const { article, problems } = parseArticle('content/x.md', enc(withNotice('medicall')), notices);
    expect(article).toBeUndefined();
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
      "content/x.md:5:9 front matter 'notice' 'medicall' is not defined in notices.yaml (it defines 'legal', 'medical')",
    ]);
  });

  it('reports a notice name when the folder defines no notices, and an invalid name', () => {
    expect(messages(withNotice('medical'))).toEqual([
      "5:9 front matter 'notice' 'medical' is not defined in notices.yaml (the content folder defines no notices)",
    ]);
    expect(messages(withNotice('Not A Name'))).toEqual([
      "5:9 front matter 'notice' must be a lowercase slug (a-z, 0-9 and single dashes)",
    ]);
  });
});
