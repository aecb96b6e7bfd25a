// One voice: a diagnostic or an error message follows `bpm: ` or a severity word (`error`,
// `warning`), so its English starts lower-case, like a clause (an acronym such as CSV or YAML
// keeps its capitals). The findings and flags of a report are its sentences and start with a
// capital; they are not held here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { MONITORING_CODES } from '../../../src/core/monitoring/collector.js';
import { ruleCodes } from '../../../src/core/rules/run.js';
import { catalogKeys, message } from '../../../src/i18n/index.js';
import { INPUT_CODES } from '../../../src/io/codes.js';
import { ROOT } from '../../helpers/run.js';

/** The codes of usage and input errors, read off the ErrorCode union of src/errors.ts. */
function errorCodes(): string[] {
  const text = readFileSync(join(ROOT, 'src/errors.ts'), 'utf8');
  const union = text.slice(text.indexOf('export type ErrorCode'), text.indexOf('>;'));
  return [...union.matchAll(/\| '([a-z0-9.-]+)'/g)].map((m) => m[1]);
}

/** Whether an English message starts as a clause: lower-case, an acronym, or not a letter at all. */
export function startsAsClause(text: string): boolean {
  const word = /^[A-Za-z]+/.exec(text)?.[0];
  return word === undefined || /^[a-z]/.test(word) || (word.length > 1 && word === word.toUpperCase());
}

describe('i18n: one voice', () => {
  const codes = new Set([...INPUT_CODES, ...ruleCodes(), ...MONITORING_CODES, ...errorCodes()]);
  const keys = catalogKeys('en').filter((k) => codes.has(k) || codes.has(k.split('.')[0]));

  it('finds the messages it checks', () => {
    expect(keys.length).to.be.greaterThan(150);
    expect(keys).to.include.members(['missing-file', 'csv-empty', 'unknown-project', 'weights-sum', 'review-no-dossiers', 'xlsx-legacy.ods']);
    expect(startsAsClause('The file')).to.equal(false);
    expect(startsAsClause('the file')).to.equal(true);
    expect(startsAsClause('CSV file')).to.equal(true);
    expect(startsAsClause('"{value}" is')).to.equal(true);
  });

  it('every diagnostic and error message starts lower-case in English', () => {
    expect(keys.filter((k) => !k.startsWith('title.') && !startsAsClause(message('en', k)))).to.deep.equal([]);
  });
});
