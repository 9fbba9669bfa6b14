import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A newcomer's read (issue 16): README's layout names every app and lib that exists and none that
 * does not, and every document under docs/; docs/adr/README.md lists every decision file once, in
 * order, and nothing else; every ADR number cited in README, docs/ or the ADRs names a file; the
 * «next free numbers» it gives are the next ones; the relative links of both files lead somewhere.
 */
const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const dirsOf = (path: string) =>
  readdirSync(join(root, path))
    .filter((name) => statSync(join(root, path, name)).isDirectory())
    .sort();

const README = read('README.md');
const ADR_INDEX = read('docs/adr/README.md');
const ADR_FILES = readdirSync(join(root, 'docs', 'adr'))
  .filter((name) => /^\d{4}-.+\.md$/.test(name))
  .sort();
const adrNumber = (file: string) => file.slice(0, 4);

/** The fenced block under README's «## Layout». */
function layoutBlock(readme: string): string {
  const found = /^## Layout\n+```\n([\s\S]*?)\n```/m.exec(readme);
  if (!found) throw new Error('README.md: no fenced block under «## Layout»');
  return found[1];
}

/** The names a layout gives under `dir/` at the start of a line (`apps/api  …` → api). */
const layoutEntries = (layout: string, dir: string) => [...layout.matchAll(new RegExp(`^${dir}/([a-z-]+)\\s`, 'gm'))].map((m) => m[1]).sort();

/** Every `dir/name` path a text mentions (anywhere), by name. */
const mentioned = (text: string, dir: string) => [...new Set([...text.matchAll(new RegExp(`(?<![\\w./-])${dir}/([a-z][a-z-]*)`, 'g'))].map((m) => m[1]))].sort();

/** The relative links of a Markdown text (`[…](target)`), without anchors; external ones left out. */
const relativeLinks = (text: string) =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].replace(/#.*$/, '')).filter((target) => target && !/^[a-z]+:/.test(target));

/** Every Markdown file under a folder. */
function markdownUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe("docs: a newcomer's read of README.md and docs/adr/README.md", () => {
  it("README's layout names exactly the apps and libs that exist, and the README mentions no other", () => {
    const layout = layoutBlock(README);
    for (const dir of ['apps', 'libs']) {
      expect({ dir, listed: layoutEntries(layout, dir) }).toEqual({ dir, listed: dirsOf(dir) });
      expect({ dir, mentioned: mentioned(README, dir).filter((name) => !existsSync(join(root, dir, name))) }).toEqual({ dir, mentioned: [] });
    }
  });

  it("README's layout names every document under docs/ (a `*` in a name matches any text)", () => {
    const docsLines = layoutBlock(README)
      .split('\n')
      .filter((line, i, lines) => line.startsWith('docs/ ') || (line.startsWith(' ') && lines.slice(0, i).reverse().find((l) => !l.startsWith(' '))?.startsWith('docs/ ')))
      .join(' ');
    const named = [...docsLines.matchAll(/([\w*.-]+\.md)/g)].map((m) => new RegExp(`^${m[1].replace(/\./g, '\\.').replace(/\*/g, '.*')}$`));
    const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'));
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.filter((name) => !named.some((pattern) => pattern.test(name)))).toEqual([]);
  });

  it('docs/adr/README.md lists every decision file once, in order, under its own number, and no file that does not exist', () => {
    const rows = [...ADR_INDEX.matchAll(/^\| \[(\d{4})\]\(([^)]+)\) \|/gm)].map((m) => ({ label: m[1], file: m[2] }));
    expect(ADR_FILES.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.file)).toEqual(ADR_FILES);
    expect(rows.filter((r) => r.label !== adrNumber(r.file))).toEqual([]);
  });

  it('every decision file is titled with its number', () => {
    const wrong = ADR_FILES.filter((file) => !new RegExp(`^# (ADR )?${adrNumber(file)}\\b`).test(read(`docs/adr/${file}`)));
    expect(wrong).toEqual([]);
  });

  it('the numbers it says are unused are exactly the gaps, and the next free ones follow the last of each series (00xx, 01xx, 02xx)', () => {
    const used = ADR_FILES.map((file) => Number(adrNumber(file)));
    const series = [0, 100, 200].map((start) => used.filter((n) => n > start && n < start + 100));
    const pad = (n: number) => String(n).padStart(4, '0');
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    // A series' gaps: from its first number (0001, 0101, 0201) to its last used one.
    const gaps = series.flatMap((numbers) => range(numbers[0] - (numbers[0] % 100) + 1, Math.max(...numbers)).filter((n) => !numbers.includes(n)));
    // «never given to a file: 0012 (why), 0016–0019, 0021 … and 0031.» — the parentheses' ADR numbers are not part of the list.
    const unusedText = /never given to a file: ([\s\S]*?)\.\s/.exec(ADR_INDEX)?.[1] ?? '';
    const stated = [...unusedText.replace(/\([^)]*\)/g, '').matchAll(/(\d{4})(?:–(\d{4}))?/g)].flatMap((m) => range(Number(m[1]), Number(m[2] ?? m[1])));
    expect(stated.map(pad)).toEqual(gaps.map(pad));
    const next = /next free numbers are (\d{4}), (\d{4}) and (\d{4})/.exec(ADR_INDEX);
    expect(next?.slice(1)).toEqual(series.map((numbers) => pad(Math.max(...numbers) + 1)));
  });

  it('every ADR number cited in README.md, docs/ and the ADRs names a decision file', () => {
    const numbers = new Set(ADR_FILES.map(adrNumber));
    const dangling = ['README.md', ...markdownUnder('docs')].flatMap((path) =>
      [...read(path).matchAll(/\b(?:ADRs?|adr\/)\s*(\d{4})\b/g)].filter((m) => !numbers.has(m[1])).map((m) => `${path}: ${m[0]}`),
    );
    expect(dangling).toEqual([]);
  });

  it('the relative links of both files lead to files that exist', () => {
    const broken = [
      ...relativeLinks(README).filter((target) => !existsSync(resolve(root, target))).map((target) => `README.md → ${target}`),
      ...relativeLinks(ADR_INDEX).filter((target) => !existsSync(resolve(root, 'docs', 'adr', target))).map((target) => `docs/adr/README.md → ${target}`),
    ];
    expect(broken).toEqual([]);
  });
});
