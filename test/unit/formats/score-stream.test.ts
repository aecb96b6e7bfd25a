// The score formats are written piece by piece (a batch of ten thousand projects is never one
// string or one object tree in memory). The pieces must give exactly the text of the whole
// document: JSON.stringify(jsonDocument(report), null, 2) plus a newline, the shape the json
// format has always had. Checked on the examples and on a generated batch with incomplete and
// invalid projects and diagnostics.
import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { score } from '../../../src/commands/score/run.js';
import type { ScoreReport } from '../../../src/core/scoring/types.js';
import { csv, csvChunks, jsonChunks, markdown, markdownChunks, scoreStreams } from '../../../src/formats/score/index.js';
import { jsonDocument, jsonNumber } from '../../../src/formats/score/json.js';
import { D, num, round } from '../../../src/core/decimal.js';
import fc from 'fast-check';
import { ROOT } from '../../helpers/run.js';
// @ts-expect-error: a plain ES module script without types
import { generateProjects } from '../../../scripts/gen-projects.mjs';
import { tempDir } from '../../helpers/temp.js';

const OPTS = [
  { lang: 'en' as const, color: false, version: 'test' },
  { lang: 'zh' as const, color: false, version: 'test' },
];

function checkJson(report: ScoreReport): string[] {
  let chunks: string[] = [];
  for (const opts of OPTS) {
    chunks = [...jsonChunks(report, opts)];
    const text = chunks.join('');
    const whole = jsonDocument(report, opts);
    expect(text).to.equal(JSON.stringify(whole, null, 2) + '\n');
    expect(JSON.parse(text)).to.deep.equal(whole);
    expect(Object.keys(whole)).to.deep.equal(['tool', 'version', 'command', 'policy', 'policyValues', 'projects', 'ranking', 'departments', 'attention', 'summary', 'diagnostics']);
    expect(scoreStreams.json).to.equal(jsonChunks);
  }
  return chunks;
}

describe('score: streamed formats', () => {
  it('json of the examples: the pieces are exactly the whole document', async () => {
    const { report } = await score({ paths: ['examples'], cwd: ROOT, lang: 'en' });
    const chunks = checkJson(report);
    const out = JSON.parse(chunks.join(''));
    expect(out.projects.map((p: { total: number }) => p.total)).to.have.members([98.3, 97.79, 94.68, 87.92, 85.53, 75.38]);
    expect(out.projects.find((p: { code: string }) => p.code === 'DL-2025-WL-001').composite.score).to.equal(90.27);
  });

  it('json of one project and of an empty run', async () => {
    const one = await score({ paths: ['examples/culture-community-events'], cwd: ROOT, lang: 'en' });
    expect(one.report.projects).to.have.length(1);
    checkJson(one.report);
    const dir = tempDir('bpm-stream-empty-');
    try {
      writeFileSync(path.join(dir, 'notes.yaml'), 'a: 1\n');
      const none = await score({ paths: [dir], cwd: dir, lang: 'en' });
      expect(none.report.projects).to.have.length(0);
      const text = checkJson(none.report).join('');
      expect(text).to.contain('"projects": [],').and.to.contain('"ranking": [],');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('a generated batch', () => {
    let dir: string;
    let report: ScoreReport;
    before(async function () {
      this.timeout(60_000);
      dir = tempDir('bpm-stream-');
      await generateProjects(dir, 150, { seed: 11, incomplete: 0.05 });
      // A dossier that fails its schema (diagnostics in the report) and one whose weights do not
      // add up (a semantic error: an invalid project).
      mkdirSync(path.join(dir, 'broken'));
      writeFileSync(path.join(dir, 'broken', 'dossier.yaml'), 'apiVersion: bpm/v1\nkind: ProjectDossier\nproject: {code: DL-BAD-1}\n');
      const first = path.join(dir, 'p001', 'dossier.yaml');
      writeFileSync(first, readFileSync(first, 'utf8').replace('weight: 20', 'weight: 25'));
      ({ report } = await score({ paths: ['.'], cwd: dir, lang: 'en' }));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('json: the pieces are exactly the whole document, one project at a time', () => {
      expect(report.projects).to.have.length(150);
      expect(report.summary.incomplete).to.be.greaterThan(0);
      expect(report.diagnostics.some((d) => d.severity === 'error')).to.equal(true);
      expect(report.summary.invalid).to.equal(1);
      const chunks = checkJson(report);
      const total = chunks.reduce((n, c) => n + c.length, 0);
      // Streamed: no piece is more than a project's worth of text.
      expect(Math.max(...chunks.map((c) => c.length))).to.be.lessThan(total / 50);
      const out = JSON.parse(chunks.join(''));
      expect(out.projects).to.have.length(150);
      expect(out.ranking.length).to.equal(report.summary.scored);
      expect(out.diagnostics.length).to.equal(report.diagnostics.length);
    });

    it('csv and markdown: the pieces join to the format text, row by row and project by project', () => {
      for (const opts of OPTS) {
        const c = [...csvChunks(report, opts)];
        expect(c.join('')).to.equal(csv(report, opts));
        // BOM, header row, one row each; then the result application: an empty row, its title,
        // its header, one row per department and the total.
        const application = 4 + report.summary.application.departments.length;
        expect(c.length).to.equal(report.projects.length + 2 + application);
        expect(c.join('').split('\r\n').length).to.equal(report.projects.length + 2 + application);
        const m = [...markdownChunks(report, opts)];
        expect(m.join('')).to.equal(markdown(report, opts));
        expect(m.length).to.be.greaterThan(report.projects.length);
      }
    });
  });

  it('jsonNumber: the number decimal.js gives, without a detour through text', () => {
    const same = (text: string, places?: number) => {
      const x = new D(text);
      expect(Object.is(jsonNumber(x, places), num(places === undefined ? x : round(x, places))), `${text} ${places}`).to.equal(true);
    };
    for (const v of ['0', '-0', '7', '-20', '9999999', '10000000', '-10000000', '12345678', '0.5', '0.1', '0.3', '20.50', '1e6', '1e7', '1e-7', '1e22', '1e23', '1e-22', '1e-23', '99.995', '-0.00001', '12345678901234', '123456789012345']) {
      for (const p of [undefined, 0, 2, 4]) same(v, p);
    }
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat({ max: 26 }), fc.constantFrom(undefined, 0, 2, 4), (digits, scale, places) => {
        const t = digits.toString().replace('-', '').padStart(scale + 1, '0');
        same(`${digits < 0n ? '-' : ''}${scale ? `${t.slice(0, -scale)}.${t.slice(-scale)}` : t}`, places);
      }),
      { numRuns: 5000 },
    );
  });
});
