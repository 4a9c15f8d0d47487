import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibraryData } from './build';
import { MAX_YAML_DEPTH, parseContentYaml } from './content-yaml';
import { ContentError, positionOf } from './problems';
import { articleSource, tempDir, type TempDir } from '../testing/temp-dir';

/** "Billion laughs": nine levels of nine aliases each, 9^9 (387 million) values once expanded. */
function aliasBomb(): string {
  const names = 'abcdefghi';
  return [...names]
    .map((name, i) => `${name}: &${name} [${i === 0 ? Array(9).fill('"lol"').join(', ') : Array(9).fill(`*${names[i - 1]}`).join(', ')}]`)
    .join('\n');
}

/** Where a piece of text first occurs in a file, as `line:column`. */
function at(text: string, piece: string): string {
  const { line, column } = positionOf(text, text.indexOf(piece));
  return `${line}:${column}`;
}

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

async function problems(): Promise<string[]> {
  try {
    await buildLibraryData(dir.path);
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map((p) => `${p.file.split('/').pop()}:${p.line}:${p.column} ${p.message}`);
    throw e;
  }
  return [];
}

const ALIASES = 'not allowed to use YAML aliases (*a, and 71 more): write each value out in full';

describe('YAML in content', () => {
  it('stops the build at file:line on an alias bomb in front matter, without expanding it', async () => {
    const source = articleSource({ front: `id: bomb\ntitle: T\nsource: s\n${aliasBomb()}` });
    await dir.write('bomb.md', source);
    expect(await problems()).toEqual([`bomb.md:${at(source, '*a')} front matter is ${ALIASES}`]);
  });

  it('stops the build at file:line on an alias bomb in synonyms.yaml and notices.yaml', async () => {
    await dir.write('a.md', articleSource({ id: 'a' }));
    const synonyms = `- [kidney, renal]\n- ${aliasBomb().split('\n').join('\n  ')}\n`;
    await dir.write('synonyms.yaml', synonyms);
    const notices = `medical: "Not medical advice."\n${aliasBomb()}\n`;
    await dir.write('notices.yaml', notices);
    expect(await problems()).toEqual([`notices.yaml:${at(notices, '*a')} notices are ${ALIASES}`, `synonyms.yaml:${at(synonyms, '*a')} synonyms are ${ALIASES}`]);
  });

  it('stops the build at file:line on nesting too deep to parse, quickly and without crashing', async () => {
    await dir.write('a.md', articleSource({ id: 'a' }));
    await dir.write('synonyms.yaml', `- [kidney, renal]\n- ${'['.repeat(200_000)}\n`);
    const front = `id: deep\ntitle: T\nsource: s\ntopics: ${'{a: '.repeat(50_000)}`;
    const source = articleSource({ front });
    await dir.write('deep.md', source);
    const depthMessage = `nested more than ${MAX_YAML_DEPTH} levels deep: content YAML is never this deep`;
    // Reported at the bracket that opens one level too many: the 32nd, as the mapping's ':' and
    // the list item's '-' are a level each.
    expect(await problems()).toEqual([
      `deep.md:5:${'topics: '.length + (MAX_YAML_DEPTH - 1) * '{a: '.length + 1} front matter is ${depthMessage}`,
      `synonyms.yaml:2:${'- '.length + MAX_YAML_DEPTH} synonyms are ${depthMessage}`,
    ]);
  });

  it('counts block indicators side by side on one line as levels', () => {
    const deep = parseContentYaml(`${'- '.repeat(MAX_YAML_DEPTH + 1)}x`, 'synonyms are');
    expect(deep.problems.map((p) => p.message)).toEqual([`synonyms are nested more than ${MAX_YAML_DEPTH} levels deep: content YAML is never this deep`]);
    const ok = parseContentYaml(`${'- '.repeat(MAX_YAML_DEPTH)}x`, 'synonyms are');
    expect(ok.problems).toEqual([]);
    expect(JSON.stringify(ok.doc?.toJS())).toBe(`${'['.repeat(MAX_YAML_DEPTH)}"x"${']'.repeat(MAX_YAML_DEPTH)}`);
  });

  it('reads brackets inside quotes as text, and accepts anchors that nothing refers to', () => {
    const parsed = parseContentYaml(`title: "${'['.repeat(100)}"\nsource: &s here\n`, 'front matter is');
    expect(parsed.problems).toEqual([]);
    expect(parsed.doc?.toJS()).toEqual({ title: '['.repeat(100), source: 'here' });
  });

  it('reports every YAML error with its position, as before', () => {
    const parsed = parseContentYaml('a: [1, 2\nb: c\n', 'front matter is');
    expect(parsed.doc).toBeUndefined();
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.every((p) => p.message.startsWith('front matter is not valid YAML: '))).toBe(true);
  });

  it('keeps a file that is not YAML at all from reaching the build as a bare error', async () => {
    await dir.write('a.md', articleSource({ id: 'a' }));
    await dir.write('notices.yaml', '\u0000\u0001\t: [}\n');
    const found = await problems();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => /^notices\.yaml:\d+:\d+ notices are /.test(p))).toBe(true);
  });
});
