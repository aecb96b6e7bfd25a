import { expect } from 'chai';
import { editDistance, suggest } from '../../../src/core/suggest.js';

describe('core/suggest: did you mean', () => {
  it('measures edits, transpositions included', () => {
    expect(editDistance('department', 'departmnet')).to.equal(1);
    expect(editDistance('weight', 'wieght')).to.equal(1);
    expect(editDistance('abc', 'abc')).to.equal(0);
    expect(editDistance('', 'abc')).to.equal(3);
  });
  it('suggests near misses only', () => {
    expect(suggest('departmnet', ['code', 'name', 'department'])).to.equal('department');
    expect(suggest('Weight', ['weight', 'target'])).to.equal('weight');
    expect(suggest('zzzzzz', ['weight', 'target'])).to.equal(undefined);
  });
  it('prefers a candidate that extends the input on ties', () => {
    expect(suggest('>', ['>=', '<=', '='])).to.equal('>=');
  });
});
