// The schema check (src/io/schema.ts) on documents built in the test: what it says of a value of
// the wrong type where several forms are allowed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { checkDocument } from '../../../src/io/schema.js';
import { ROOT } from '../../helpers/run.js';

const evaluation = () => parse(readFileSync(join(ROOT, 'examples/culture-community-events/evaluation.yaml'), 'utf8')) as { actuals: Record<string, unknown> };

describe('io/schema: a value of the wrong type among several forms', () => {
  it('a number written with its unit ("92.8%", "53个") is told to be written alone', () => {
    for (const written of ['92.8%', '53个', ' 1,128 ']) {
      const doc = evaluation();
      doc.actuals['SAT-1'] = written;
      const { diagnostics } = checkDocument('Evaluation', doc, 'e.yaml');
      expect(diagnostics.map((d) => [d.code, d.path, d.args?.variant]), written).to.deep.equal([['wrong-type', '/actuals/SAT-1', 'number']]);
    }
  });

  it('other text gets the forms only', () => {
    const doc = evaluation();
    doc.actuals['SAT-1'] = 'very good';
    const { diagnostics } = checkDocument('Evaluation', doc, 'e.yaml');
    expect(diagnostics.map((d) => [d.code, d.args?.variant, d.args?.expected])).to.deep.equal([['wrong-type', undefined, 'a number, or an object with a note, a qualitative level or a survey']]);
  });
});
