// Every link in the README and docs/ resolves inside the repository: a relative file link names
// a file or folder that exists, and an `#anchor` into a Markdown file is the GitHub anchor of
// one of its headings. Links to other sites are not allowed (the documentation stays with the
// code it describes).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../../helpers/run.js';
import { docPages, headings, links } from './markdown.js';

const pages = docPages();

function anchors(file: string): Set<string> {
  return new Set(headings(readFileSync(file, 'utf8')).map((h) => h.slug));
}

describe('documentation links', () => {
  it('covers the README and every page of docs/', () => {
    expect(pages).to.include.members(['README.md', 'docs/formats.md', 'docs/rules.md', 'docs/scoring.md', 'docs/performance.md', 'docs/architecture.md']);
  });

  for (const page of pages) {
    it(`${page}: every link resolves inside the repository`, () => {
      const abs = join(ROOT, page);
      const problems: string[] = [];
      const found = links(readFileSync(abs, 'utf8'));
      for (const { target, line } of found) {
        const where = `${page}:${line} ${target}`;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
          problems.push(`${where}: a link outside the repository`);
          continue;
        }
        const [path, anchor] = target.split('#', 2) as [string, string | undefined];
        const file = path === '' ? abs : resolve(dirname(abs), decodeURIComponent(path));
        if (relative(ROOT, file).startsWith('..')) {
          problems.push(`${where}: leaves the repository`);
          continue;
        }
        if (!existsSync(file)) {
          problems.push(`${where}: no such file`);
          continue;
        }
        if (anchor === undefined) continue;
        if (!file.endsWith('.md') || statSync(file).isDirectory()) problems.push(`${where}: an anchor into a file that is not Markdown`);
        else if (!anchors(file).has(decodeURIComponent(anchor))) problems.push(`${where}: no heading with this anchor`);
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('examples/README.md: every link resolves inside the repository', () => {
    const abs = join(ROOT, 'examples/README.md');
    const problems = links(readFileSync(abs, 'utf8')).flatMap(({ target, line }) => {
      const [path, anchor] = target.split('#', 2) as [string, string | undefined];
      const file = resolve(dirname(abs), decodeURIComponent(path));
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || !existsSync(file)) return [`examples/README.md:${line} ${target}`];
      return anchor !== undefined && !anchors(file).has(anchor) ? [`examples/README.md:${line} ${target}: no heading with this anchor`] : [];
    });
    expect(problems).to.deep.equal([]);
  });

  it('source comments cite the documentation in the repository: no file outside it, and every page#anchor exists', () => {
    const problems: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.(ts|mjs|js|py)$/.test(e.name) ? [`${dir}/${e.name}`] : []));
    for (const file of [...walk('src'), ...walk('scripts'), 'bin/bpm.js']) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          for (const m of text.matchAll(/\b(FORMATS|DOMAIN|TEMPLATES|STYLE|LAYOUT)\.md\b/g)) problems.push(`${file}:${i + 1}: cites ${m[0]}, which is not in the repository`);
          for (const m of text.matchAll(/\b((?:docs\/)?[\w-]+\.md)#([\w-]+)/g)) {
            const page = join(ROOT, m[1]);
            if (!existsSync(page)) problems.push(`${file}:${i + 1}: ${m[1]} does not exist`);
            else if (!anchors(page).has(m[2])) problems.push(`${file}:${i + 1}: ${m[0]}: no heading with this anchor`);
          }
        });
    }
    expect(problems).to.deep.equal([]);
  });

  it('finds the links and anchors it checks (a check that cannot fail is no check)', () => {
    const text = '# A title\n## `bpm validate`\n### Monitoring data (CSV)\n## A title\nsee [x](docs/rules.md#weights-sum) and `[y](nowhere)`\n```\n[z](inside-code)\n```\n';
    expect(headings(text).map((h) => h.slug)).to.deep.equal(['a-title', 'bpm-validate', 'monitoring-data-csv', 'a-title-1']);
    expect(links(text).map((l) => l.target)).to.deep.equal(['docs/rules.md#weights-sum']);
    expect(anchors(join(ROOT, 'docs/rules.md'))).to.include('weights-sum');
  });
});
