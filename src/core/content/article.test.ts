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

describe('parseArticle, each kind of block', () => {
  const passages = (body: string): string[] =>
    (parse(articleSource({ body })).article?.passages ?? []).map((p) => `${p.id}:${p.kind}:${JSON.stringify(p.text)}`);

  it('keeps fenced and indented code as written, escaped in the HTML', () => {
    const { article } = parse(articleSource({ body: '```js\nconst a = 1 < 2;\n```\n\n    indented\n    code\n' }));
    expect(article?.passages.map((p) => [p.kind, p.text, p.html])).toEqual([
      ['paragraph', 'const a = 1 < 2;', '<pre><code class="language-js">const a = 1 &lt; 2;\n</code></pre>'],
      ['paragraph', 'indented\ncode', '<pre><code>indented\ncode\n</code></pre>'],
    ]);
  });

  it('marks ordered lists, gives each list its own id, and joins an item’s paragraphs', () => {
    const { article } = parse(articleSource({ body: '1. one\n2. two\n\n- a\n\n  more of a\n- b\n' }));
    expect(article?.passages.map((p) => [p.text, p.list?.id, p.list?.ordered])).toEqual([
      ['one', 'list-1', true],
      ['two', 'list-1', true],
      ['a\nmore of a', 'list-2', false],
      ['b', 'list-2', false],
    ]);
    expect(article?.passages[2]?.html).toBe('<p>a</p>\n<p>more of a</p>');
  });

  it('keeps a quote without attribution whole, even one line starting with a dash', () => {
    expect(passages('> Just a quote.\n\n> — not an attribution alone\n')).toEqual([
      'lead-1:quote:"Just a quote."',
      'lead-2:quote:"— not an attribution alone"',
    ]);
  });

  it('takes the words of images, inline code and line breaks as written', () => {
    expect(passages('A ![alt text](x.png) and `code`  \nnext line\nsoft.\n')).toEqual(['lead-1:paragraph:"A alt text and code\\nnext line soft."']);
  });

  it('takes the words of code inside a list item, a quote and a comment into their passages', () => {
    const { article } = parse(
      articleSource({ body: '- Run this:\n\n  ```\n  quire search sleep\n  ```\n\n> Typed:\n>\n>     echo hello\n\n::: comment author="A" time="2025-01-01T10:00"\n\nSee:\n\n```\nnpm start\n```\n\n:::\n' }),
    );
    expect(article?.passages.map((p) => p.text)).toEqual(['Run this:\nquire search sleep', 'Typed:\n\necho hello']);
    expect(article?.passages[1]?.html).toBe('<p>Typed:</p>\n<pre><code>echo hello\n</code></pre>');
    expect(article?.comments.map((p) => p.text)).toEqual(['See:\n\nnpm start']);
  });

  it('shows an image as its description, never as a picture to load', () => {
    const { article } = parse(articleSource({ body: 'See ![a <b>chart</b> of *doses*](https://example.com/c.png "t") here.\n' }));
    const html = article?.passages[0]?.html ?? '';
    expect(html).not.toContain('<img');
    expect(html).not.toContain('example.com');
    expect(html).toBe('See a &lt;b&gt;chart&lt;/b&gt; of doses here.');
  });

  it('starts a heading path afresh after the lead, and names a heading without letters by position', () => {
    const { article } = parse(articleSource({ body: 'Lead.\n\n### Deep\n\nx\n\n## Up\n\ny\n\n## ???\n\nz\n' }));
    expect(article?.sections.map((s) => `${s.id}:${s.path.join(' > ')}`)).toEqual(['lead:Beginning', 'deep:Deep', 'up:Up', 'section:???']);
  });

  it('reads questions in a ::: faq that comes before any heading', () => {
    expect(passages('::: faq\n\n### Is it?\n\nYes.\n\n:::\n')).toEqual(['is-it-1:question:"Is it?"', 'is-it-2:answer:"Yes."']);
  });

  it('gives two comments by the same author at the same time distinct ids', () => {
    const comment = '::: comment author="A" time="2025-01-01T10:00"\n\nHi.\n\n:::\n';
    const { article } = parse(articleSource({ body: `Body.\n\n${comment}\n${comment}` }));
    expect(article?.comments.map((c) => c.id)).toEqual(['comment-a-202501011000', 'comment-a-202501011000-2']);
  });
});

describe('parseArticle problems in blocks', () => {
  it('reports an empty heading and an empty list item', () => {
    expect(messages(articleSource({ body: '##\n\ntext\n\n- a\n-\n- b\n' }))).toEqual(['7:1 heading is empty', '12:1 list item is empty']);
  });

  it('reports a nested ::: faq', () => {
    expect(messages(articleSource({ body: '## Q\n\n::: faq\n\n::: faq\n\n### A?\n\nB.\n\n:::\n\n:::\n' }))).toEqual([
      '11:1 a ::: faq block cannot be nested',
      "19:1 unknown or malformed container ':::': use '::: faq' or '::: comment author=\"…\" time=\"…\"'",
    ]);
  });

  it('reports a comment without a time, and one without text', () => {
    expect(messages(articleSource({ body: 'Body.\n\n::: comment author="A"\n\nHi.\n\n:::\n' }))).toEqual([
      "9:1 comment 'time' is required (ISO 8601, e.g. 2025-11-20T07:08)",
    ]);
    expect(messages(articleSource({ body: 'Body.\n\n::: comment author="A" time="2025-01-01T10:00"\n:::\n' }))).toEqual(['9:1 comment has no text']);
  });

  it('reports a stray ::: once: a later bare ::: closes what was already reported', () => {
    expect(messages(articleSource({ body: 'Text.\n\n:::\n\nMore.\n\n:::\n' }))).toEqual([
      "9:1 unknown or malformed container ':::': use '::: faq' or '::: comment author=\"…\" time=\"…\"'",
    ]);
  });

  it('reports a stray ::: whatever the words of the problems before it', () => {
    // A comment time that happens to contain the word "container" is not a container problem.
    const body = 'Body.\n\n::: comment author="A" time="container"\n\nHi.\n\n:::\n\n:::\n';
    expect(messages(articleSource({ body }))).toEqual([
      "9:1 comment 'time' must be an ISO 8601 date-time (e.g. 2025-11-20T07:08), got 'container'",
      "15:1 unknown or malformed container ':::': use '::: faq' or '::: comment author=\"…\" time=\"…\"'",
    ]);
  });
});
