// A project's dossier and its 自评表 in one run (docs/formats.md#excel-workbooks): the dossier — a YAML document or
// a 申报表 — is the reference. The dossier the 自评表 carries is not a second dossier of the
// project: its indicators are matched with the reference's (by name, else by code), a target or a
// weight it prints differently from the reference after its approved adjustments is the warning
// `form-target-changed` at the 自评表's cell, and the reference's values are used. The 自评表's
// evaluation takes the reference's indicator codes; a 申报表 without 分值 takes the 自评表's weights.
import type { Diagnostic } from '../core/diagnostics.js';
import { inForce } from '../core/model/adjust.js';
import type { Dossier, Evaluation, Indicator } from '../core/model/model.js';
import type { InputCode } from './codes.js';
import { cellLocation, type WorkbookDocument } from './xlsx/forms/index.js';
import type { FormDossier } from './workbook-files.js';

const OPERATOR_SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', qualitative: '' };

/**
 * Pairs each 自评表 with the reference dossier of its project, when the run has one; `dossiers`
 * loses the 自评表's. A 申报表 without 分值 left without weights while the run evaluates its
 * project cannot be scored: the error `weights-missing`.
 */
export function pairForms(forms: readonly FormDossier[], dossiers: Dossier[], evaluations: readonly Evaluation[]): void {
  pairSelfEvaluations(forms, dossiers);
  const evaluated = new Set(evaluations.map((e) => e.project));
  for (const f of forms) {
    if (!f.dossier.weightless || !evaluated.has(f.dossier.code)) continue;
    const d: Diagnostic<InputCode> = { code: 'weights-missing', severity: 'error', file: f.file.file, path: '/indicators', args: { project: f.dossier.code }, ...cellLocation(f.locator.cell('/indicators')) };
    f.file.diagnostics.push(d);
  }
}

function pairSelfEvaluations(forms: readonly FormDossier[], dossiers: Dossier[]): void {
  const fromSelf = new Set(forms.filter((f) => f.form === 'self-evaluation').map((f) => f.dossier));
  if (fromSelf.size === 0) return;
  const reference = new Map<string, Dossier>();
  for (const d of dossiers) if (!fromSelf.has(d) && !reference.has(d.code)) reference.set(d.code, d);
  const dropped = new Set<Dossier>();
  for (const f of forms) {
    const ref = f.form === 'self-evaluation' ? reference.get(f.dossier.code) : undefined;
    if (!ref) continue;
    pair(f, ref);
    dropped.add(f.dossier);
    // The sheet stands for the project's evaluation now; what the form lacks as a dossier is moot.
    f.file.kind = 'Evaluation';
    f.file.diagnostics = f.file.diagnostics.filter((d) => d.code !== 'form-no-objectives' && d.code !== 'form-no-weights');
  }
  if (dropped.size === 0) return;
  const kept = dossiers.filter((d) => !dropped.has(d));
  dossiers.length = 0;
  dossiers.push(...kept);
}

function pair(f: FormDossier, ref: Dossier): void {
  const printed = f.dossier.indicators;
  const matched = match(printed, ref.indicators);
  const inForceByCode = new Map(inForce(ref).indicators.map((i) => [i.code, i]));
  const at = (pointer: string) => cellLocation(f.locator.cell(pointer));
  const warn = (args: Diagnostic['args'], pointer: string) => {
    const d: Diagnostic<InputCode> = { code: 'form-target-changed', severity: 'warning', file: f.file.file, path: pointer, args, ...at(pointer) };
    f.file.diagnostics.push(d);
  };
  printed.forEach((p, i) => {
    const r = matched.get(p);
    if (!r) return;
    const now = inForceByCode.get(r.code) ?? r;
    const base = { indicator: r.code, name: r.name, file: ref.origin.file };
    if (!sameTarget(p, now)) warn({ ...base, printed: targetText(p), reference: targetText(now) }, `/indicators/${i}/target`);
    if (!p.informational && !ref.weightless && !p.weight.equals(now.weight)) {
      warn({ ...base, variant: 'weight', printed: p.weight.toFixed(), reference: now.weight.toFixed() }, `/indicators/${i}/weight`);
    }
  });
  if (ref.weightless) {
    for (const p of printed) {
      const r = matched.get(p);
      if (r && !p.informational) r.weight = p.weight;
    }
    ref.weightless = false;
  }
  if (f.evaluation) rename(f, matched);
}

/** What matching looks at of an indicator, in the model or as a form's raw document has it. */
interface Named {
  code: string;
  name: string;
  informational?: boolean;
}

/**
 * Each printed indicator's counterpart in the reference: the one of the same name (三级指标, NFKC,
 * spaces ignored) when that name is unique on both sides, else the one with the same code that no
 * other printed indicator took by name.
 */
function match<P extends Named, R extends Named>(printed: readonly P[], ref: readonly R[]): Map<P, R> {
  const key = (i: Named) => i.name.normalize('NFKC').replace(/\s+/g, '');
  const count = (list: readonly Named[]) => {
    const n = new Map<string, number>();
    for (const i of list) n.set(key(i), (n.get(key(i)) ?? 0) + 1);
    return n;
  };
  const refCount = count(ref);
  const printedCount = count(printed);
  const byName = new Map(ref.map((i) => [key(i), i]));
  const out = new Map<P, R>();
  const taken = new Set<R>();
  for (const p of printed) {
    const k = key(p);
    if (refCount.get(k) !== 1 || printedCount.get(k) !== 1) continue;
    const r = byName.get(k)!;
    out.set(p, r);
    taken.add(r);
  }
  const byCode = new Map(ref.map((i) => [i.code, i]));
  for (const p of printed) {
    if (out.has(p)) continue;
    const r = byCode.get(p.code);
    if (r && !taken.has(r) && (r.informational === true) === (p.informational === true)) {
      out.set(p, r);
      taken.add(r);
    }
  }
  return out;
}

/**
 * The printed code → the reference's code of each printed indicator; one without a counterpart
 * keeps its code, unless a matched one now has it (then `<code>-form`).
 */
function codeMap<P extends Named>(printed: readonly P[], matched: Map<P, Named>): Map<string, string> {
  const codeOf = new Map<string, string>();
  for (const [p, r] of matched) codeOf.set(p.code, r.code);
  const used = new Set(codeOf.values());
  for (const p of printed) if (!codeOf.has(p.code)) codeOf.set(p.code, used.has(p.code) ? `${p.code}-form` : p.code);
  return codeOf;
}

function renamed<T>(record: Record<string, T>, codeOf: Map<string, string>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [code, v] of Object.entries(record)) out[codeOf.get(code) ?? code] = v;
  return out;
}

/**
 * The same pairing on the raw documents that `bpm import` writes (so that importing and then
 * scoring gives what scoring the workbooks gives): the 自评表's evaluation takes the codes of the
 * 申报表's indicators, and a 申报表 without 分值 takes the 自评表's weights.
 */
export function pairDocuments(reference: WorkbookDocument, self: WorkbookDocument, evaluation: WorkbookDocument | undefined): void {
  type Raw = Named & Record<string, unknown>;
  const refInds = (reference.data.indicators ?? []) as Raw[];
  const printed = (self.data.indicators ?? []) as Raw[];
  const matched = match(printed, refInds);
  if (refInds.every((i) => i.weight === undefined)) {
    for (const [p, r] of matched) if (p.weight !== undefined && p.informational !== true) r.weight = p.weight;
  }
  if (!evaluation) return;
  const codeOf = codeMap(printed, matched);
  const data = evaluation.data as { actuals?: Record<string, unknown>; claimed?: { indicators?: Record<string, unknown> } };
  if (data.actuals) data.actuals = renamed(data.actuals, codeOf);
  if (data.claimed?.indicators) data.claimed.indicators = renamed(data.claimed.indicators, codeOf);
}

function sameTarget(p: Indicator, r: Indicator): boolean {
  if (p.operator !== r.operator) return false;
  if (p.target !== null && r.target !== null) return p.target.equals(r.target);
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return p.target === null && r.target === null && norm(p.targetText) === norm(r.targetText);
}

function targetText(i: Indicator): string {
  return `${OPERATOR_SIGN[i.operator] ?? ''}${i.targetText}${i.target !== null ? (i.unit ?? '') : ''}`;
}

/** The evaluation's indicator codes as the reference numbers them; the sheet's cells are still found by the printed ones. */
function rename(f: FormDossier, matched: Map<Indicator, Indicator>): void {
  const e = f.evaluation as Evaluation;
  const codeOf = codeMap(f.dossier.indicators, matched);
  if ([...codeOf].every(([from, to]) => from === to)) return;
  e.actuals = renamed(e.actuals, codeOf);
  e.panels = renamed(e.panels, codeOf);
  if (e.claimed) e.claimed.indicators = renamed(e.claimed.indicators, codeOf);
  for (const [from, to] of codeOf) if (from !== to) f.locator.renames.set(to, from);
}
