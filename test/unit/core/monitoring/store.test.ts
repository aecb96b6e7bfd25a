// The compact value store of the collector (src/core/monitoring/store.ts): values, positions and
// notes read back as written, however many periods come and in whatever order, whether the store
// made room for all of them at first (the project's first month came first) or has to grow.
import { expect } from 'chai';
import fc from 'fast-check';
import { parsePeriod } from '../../../../src/core/model/periods.js';
import { Store } from '../../../../src/core/monitoring/store.js';

// Months and quarters of three years: a store may hold both kinds.
const MONTHS = [
  ...Array.from({ length: 36 }, (_, k) => parsePeriod(`${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`)!),
  ...Array.from({ length: 12 }, (_, k) => parsePeriod(`${2024 + Math.floor(k / 4)}-Q${(k % 4) + 1}`)!),
];

describe('core/monitoring/store', () => {
  it('reads back every value, line and note, with room for fewer periods than come or for more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 24 }),
        fc.uniqueArray(fc.integer({ min: 0, max: MONTHS.length - 1 }), { minLength: 1, maxLength: MONTHS.length }),
        fc.boolean(),
        (width, months, order, firstIsStart) => {
          // The project starts with the first period stored (room for every month at once), or
          // with another month (room for 4, then growing).
          const first = MONTHS[order[0]];
          const start = firstIsStart && first.month !== undefined ? { y: first.year, m: first.month } : { y: 2023, m: 1 };
          const store = new Store(width, start, months);
          const written = new Map<number, { text: string; line: number; note?: string }>();
          for (const [i, m] of order.entries()) {
            const k = store.period(MONTHS[m]);
            expect(store.period(MONTHS[m]), 'the same period again').to.equal(k);
            for (let c = 0; c < width; c++) {
              const slot = k * width + c;
              const text = c === 0 ? '0.1000000000000000055511151231257827' : String((m * 7 + c) / 4);
              const note = c === 1 ? `note ${m}` : undefined;
              store.set(slot, text, 3, 100 * i + c + 1, note);
              written.set(slot, { text, line: 100 * i + c + 1, note });
            }
          }
          expect(store.periods.map((p) => p.label)).to.deep.equal(order.map((m) => MONTHS[m].label));
          for (const [slot, w] of written) {
            expect(store.has(slot)).to.equal(true);
            expect(store.decimal(slot).toFixed()).to.equal(w.text.replace(/^(-?)0+(?=\d)/, '$1'));
            expect(store.line(slot)).to.equal(w.line);
            expect(store.file(slot)).to.equal(3);
            expect(store.note(slot)).to.equal(w.note);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
