import type { BatchRule, Finding } from './types.js';

const CODES = ['project-code-duplicate'] as const;
type Code = (typeof CODES)[number];

/** Project codes are unique across a batch: evaluations and monitoring rows are keyed by them. */
export const projectCodeDuplicate: BatchRule<Code> = {
  id: 'project-code-duplicate',
  severity: 'error',
  scope: 'batch',
  codes: CODES,
  check(ctx) {
    const byCode = new Map<string, string[]>();
    for (const d of ctx.dossiers) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d.origin.file]);
    const out: Finding<Code>[] = [];
    for (const [code, files] of byCode) {
      if (files.length < 2) continue;
      const sorted = [...files].sort();
      for (const file of sorted.slice(1)) out.push({ code: 'project-code-duplicate', file, path: '/project/code', args: { code, other: sorted[0] } });
    }
    return out;
  },
};
