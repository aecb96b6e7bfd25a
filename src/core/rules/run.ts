// Runs the rule registry over a loaded run and returns diagnostics (with file and JSON pointer;
// positions are filled in by the io layer, which holds the YAML node trees).
import type { Diagnostic } from '../diagnostics.js';
import { RULES, type Finding, type Rule, type RuleContext } from './index.js';

export interface LocatedFinding extends Diagnostic {
  /** Point at the mapping key instead of the value. */
  key?: boolean;
}

export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const emit = (rule: Rule, findings: Finding<string>[]) => {
    for (const f of findings) {
      out.push({ code: f.code, severity: f.severity ?? rule.severity, file: f.file, path: f.path, args: f.args, key: f.key });
    }
  };
  for (const rule of rules) {
    switch (rule.scope) {
      case 'dossier':
        for (const d of ctx.dossiers) emit(rule, rule.check(d, ctx));
        break;
      case 'evaluation':
        for (const e of ctx.evaluations) emit(rule, rule.check(e, ctx));
        break;
      case 'policy':
        for (const p of ctx.policies) emit(rule, rule.check(p, ctx));
        break;
      case 'strategy':
        for (const s of ctx.strategies) emit(rule, rule.check(s, ctx));
        break;
      case 'batch':
        emit(rule, rule.check(ctx));
        break;
    }
  }
  return out;
}

/** Every diagnostic code a rule can emit (for docs, SARIF rule lists and the catalog test). */
export function ruleCodes(rules: readonly Rule[] = RULES): string[] {
  return [...new Set(rules.flatMap((r) => r.codes))].sort();
}
