// Calendar arithmetic (src/core/model/periods.ts): the days of a month by arithmetic must be
// what Date gives, which it replaced.
import { expect } from 'chai';
import { daysInMonth, parseDate } from '../../../../src/core/model/periods.js';

describe('core/model/periods', () => {
  it('daysInMonth gives what Date.UTC gives, for every month of the years 0-10100 and odd arguments', () => {
    let checked = 0;
    for (let y = -5; y <= 10_100; y++) {
      for (let m = -2; m <= 15; m++) {
        expect(daysInMonth(y, m), `${y}-${m}`).to.equal(new Date(Date.UTC(y, m, 0)).getUTCDate());
        checked++;
      }
    }
    for (const [y, m] of [[2024.5, 2], [2024, 2.5], [300_000, 1], [Number.NaN, 1]]) {
      expect(daysInMonth(y, m), `${y}-${m}`).to.deep.equal(new Date(Date.UTC(y, m, 0)).getUTCDate());
    }
    expect(checked).to.equal(10_106 * 18);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2025, 12)]).to.deep.equal([29, 28, 28, 29, 31]);
  });

  it('parseDate takes real calendar dates only', () => {
    expect(parseDate('2024-02-29')).to.deep.equal({ y: 2024, m: 2, d: 29 });
    for (const s of ['2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-1']) expect(parseDate(s), s).to.equal(undefined);
  });
});
