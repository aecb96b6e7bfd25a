// The compiler ties codes to messages (src/i18n/index.ts, src/io/codes.ts, src/errors.ts). These
// lines check that those checks still bite: `tsc -p test` (part of `npm test`) fails when a line
// marked @ts-expect-error compiles, or when a code list is widened to `string` (which would make
// every check against the catalogs vacuous).
import { expect } from 'chai';
import type { ApplicationCode } from '../../../src/core/application/evaluate.js';
import type { DataProblemCode } from '../../../src/core/monitoring/collector.js';
import { FLAG_CODES, type FlagCode, type FlagMessageKey } from '../../../src/core/monitoring/flags.js';
import type { ReviewCode } from '../../../src/core/review/index.js';
import type { ReviewFinding } from '../../../src/core/review/types.js';
import { RULES, type RuleCode } from '../../../src/core/rules/index.js';
import type { Finding } from '../../../src/core/rules/types.js';
import type { ScoreFinding, ScoreFindingCode } from '../../../src/core/scoring/types.js';
import type { ErrorCode } from '../../../src/errors.js';
import { catalogKeys, hasMessage, t, type MessageKey, type TitledCode } from '../../../src/i18n/index.js';
import { INPUT_CODES, type InputCode } from '../../../src/io/codes.js';

/** `true` for a union of string literals, `false` for `string` itself. */
type Literal<T extends string> = string extends T ? false : true;

describe('i18n: codes and messages are checked by the compiler', () => {
  it('every code list is a union of literals', () => {
    const literal: Literal<RuleCode | ReviewCode | ScoreFindingCode | ApplicationCode | DataProblemCode | FlagCode | InputCode | ErrorCode | MessageKey>[] = [true];
    expect(literal).to.deep.equal([true]);
  });

  it('a finding carries only a code its emitter declares', () => {
    // @ts-expect-error a rule declaring only vague-goal cannot report weights-sum
    const rule: Finding<'vague-goal'> = { code: 'weights-sum', file: 'd.yaml', path: '/goal' };
    // @ts-expect-error a review dimension's finding needs one of its codes
    const review: ReviewFinding<'review-vague-goal'> = { code: 'review-no-baselines', level: 'required', dimension: 'measurability', file: 'd.yaml', path: '', args: {} };
    // @ts-expect-error a score finding's code is one of the scoring steps' codes
    const score: ScoreFinding<ScoreFindingCode> = { code: 'no-such-finding', severity: 'info', kind: 'data', args: {} };
    expect([rule.code, review.code, score.code]).to.deep.equal(['weights-sum', 'review-no-baselines', 'no-such-finding']);
  });

  it('t() takes only keys of the catalogs, with a value for each placeholder; titled codes have a message and a title in both languages', () => {
    // @ts-expect-error no catalog has this key
    expect(t('en', 'no-such-message')).to.equal('no-such-message');
    // @ts-expect-error the message has a {grade} placeholder too
    expect(t('en', 'score.line.total', { total: '90' })).to.equal('Total 90 of 100 · grade {grade}');
    // @ts-expect-error a score finding has a message but no title
    const untitled: TitledCode = 'shortfall';
    const titled: TitledCode[] = [...RULES.flatMap((r) => r.codes), ...INPUT_CODES];
    const flag: FlagMessageKey = 'dual-monitoring-gap.money-ahead';
    expect([untitled, flag].every(hasMessage)).to.equal(true);
    expect(titled.filter((c) => !hasMessage(c) || !hasMessage(`title.${c}`))).to.deep.equal([]);
  });

  it('every key follows the one scheme of src/i18n/index.ts', () => {
    const AREAS = new Set(['fmt', 'import', 'init', 'review', 'score', 'variance', 'title', 'hint']);
    const keys = catalogKeys('en');
    // A code is a key without a dot (the dual-monitoring gap has only its per-direction messages).
    const codes = new Set([...keys.filter((k) => !k.includes('.')), ...FLAG_CODES]);
    const head = (k: string) => k.slice(0, k.indexOf('.'));
    expect(keys.filter((k) => k.includes('.') && !AREAS.has(head(k)) && !codes.has(head(k)))).to.deep.equal([]);
    expect(keys.filter((k) => !k.includes('.') && AREAS.has(k))).to.deep.equal([]);
    expect(keys.filter((k) => k.startsWith('title.') && !codes.has(k.slice('title.'.length)))).to.deep.equal([]);
  });
});
