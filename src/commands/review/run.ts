// `bpm review`: goal-quality review for budget compilation (绩效目标审核, seed §三.1).
// load + validate (a malformed dossier cannot pass) → the five review dimensions per dossier →
// one ReviewReport: validate's files with a `review` object per dossier file, and a batch summary.
import { D, num, type Dec } from '../../core/decimal.js';
import { countBySeverity, sortDiagnostics, type Diagnostic, type Severity } from '../../core/diagnostics.js';
import type { Dossier } from '../../core/model/model.js';
import type { FileReview, ReviewedFile, ReviewItem, ReviewReport } from '../../core/report.js';
import { commonProblems, coversDiagnostic, reviewDossier, verdictOf, type DossierReview, type ReviewFinding } from '../../core/review/index.js';
import { message, type Lang } from '../../i18n/index.js';
import { renderDiagnostics } from '../../i18n/render.js';
import { shownFile, showFiles, type LoadOptions, type Workspace } from '../../io/workspace.js';
import { validateFresh } from '../validate/run.js';
import { UsageError } from '../../errors.js';

export interface ReviewOptions extends LoadOptions {
  paths: string[];
  lang: Lang;
  /** --min-score N: the bar for `pass`, overriding the policy's review.minScore. */
  minScore?: number;
}

export interface ReviewResult {
  report: ReviewReport;
  workspace: Workspace;
}

const SEVERITY: Record<ReviewFinding['level'], Severity> = { required: 'error', suggestion: 'warning' };

export async function review(opts: ReviewOptions): Promise<ReviewResult> {
  // Each dossier of a workbook with several forms is reviewed on its own (workbookParts).
  const { report: checked, workspace: ws } = await validateFresh({ ...opts, readCsv: false, workbookParts: true });
  const shown = shownFile(ws);
  const show = showFiles(ws);
  const byFile = new Map(ws.files.map((f) => [f.file, f]));
  const dossierOf = new Map<string, Dossier>();
  for (const d of ws.dossiers) if (!dossierOf.has(d.origin.file)) dossierOf.set(d.origin.file, d);
  const minScore = opts.minScore !== undefined ? new D(opts.minScore) : undefined;

  // Nothing to review (only CSVs, evaluations or policies named) is a usage error, as for variance.
  if (!checked.files.some((f) => f.kind === 'ProjectDossier' || f.kind === null)) {
    throw new UsageError('review-no-dossiers', { paths: opts.paths.length ? opts.paths.join(' ') : '.' });
  }
  const files: ReviewedFile[] = [];
  const perDossier: Diagnostic[][] = [];
  for (const f of checked.files) {
    // Only dossiers are reviewed; a file that could not even be recognised may be a broken one.
    if (f.kind !== 'ProjectDossier' && f.kind !== null) continue;
    const d = dossierOf.get(f.file);
    let diagnostics = f.diagnostics;
    let rev: DossierReview | undefined;
    const dimensionOf = new Map<Diagnostic, string>();
    if (d) {
      rev = reviewDossier(d, { policy: ws.ctx.policyFor(d), dossiers: ws.dossiers, objectiveIds: ws.ctx.objectiveIds }, { minScore });
      const findings = rev.findings;
      diagnostics = diagnostics.filter((v) => !findings.some((x) => coversDiagnostic(x, v)));
      const locate = byFile.get(f.file)?.locate;
      const added = renderDiagnostics(
        findings.map((x) => ({ code: x.code, severity: SEVERITY[x.level], args: x.args, file: x.file, path: x.path, line: 1, column: 1, ...locate?.(x.path) })),
        opts.lang,
      ).map((a) => (typeof a.args?.hint === 'string' ? { ...a, message: a.message + message(opts.lang, `hint.${a.args.hint}`, a.args) } : a));
      added.forEach((a, i) => dimensionOf.set(a, findings[i].dimension));
      // sortDiagnostics keeps the objects themselves, so the dimension map still applies.
      diagnostics = sortDiagnostics([...diagnostics, ...added]);
    }
    const verdict = verdictOf(diagnostics);
    const item = (x: Diagnostic): ReviewItem => ({
      code: x.code,
      severity: x.severity,
      dimension: dimensionOf.get(x) ?? null,
      message: x.message ?? x.code,
      path: x.path ?? null,
      line: x.line ?? null,
      column: x.column ?? null,
      ...(x.sheet !== undefined ? { sheet: x.sheet, cell: x.cell } : {}),
    });
    const fileReview: FileReview = {
      project: d ? { code: d.code, name: d.name, department: d.department, category: d.category ?? null } : null,
      score: rev ? num(rev.score) : 0,
      minScore: num(rev ? rev.minScore : (minScore ?? ws.defaultPolicy.review.minScore)),
      verdict,
      dimensions: rev ? dimensionsJson(rev) : {},
      required: diagnostics.filter((x) => x.severity === 'error').map(item),
      suggestions: diagnostics.filter((x) => x.severity !== 'error').map(item),
    };
    perDossier.push(diagnostics);
    // `valid` keeps its validate meaning (well-formed); the verdict says whether the goals pass.
    files.push({ file: shown(f.file), kind: f.kind, valid: f.valid, diagnostics: show(diagnostics), review: fileReview });
  }

  const all = [...checked.diagnostics, ...files.flatMap((f) => f.diagnostics)];
  const counts = countBySeverity(all);
  const verdicts = files.map((f) => f.review.verdict);
  return {
    report: {
      command: 'review',
      files,
      diagnostics: show(checked.diagnostics),
      summary: { files: files.length, errors: counts.errors, warnings: counts.warnings },
      review: {
        dossiers: files.length,
        pass: verdicts.filter((v) => v === 'pass').length,
        revise: verdicts.filter((v) => v === 'revise').length,
        commonProblems: commonProblems(perDossier),
      },
    },
    workspace: ws,
  };
}

/** Exit code (README.md#exit-codes): 1 when any dossier must be revised or the run has errors. */
export function reviewExitCode(report: ReviewReport): number {
  if (report.diagnostics.some((d) => d.severity === 'error')) return 1;
  return report.files.some((f) => f.review.verdict !== 'pass') ? 1 : 0;
}

function dimensionsJson(rev: DossierReview): FileReview['dimensions'] {
  const out: FileReview['dimensions'] = {};
  for (const [name, dim] of Object.entries(rev.dimensions)) {
    out[name] = { score: num(dim.score), weight: num(dim.weight), ...(toJson(dim.facts) as Record<string, unknown>) };
  }
  return out;
}

/** Exact decimals become JSON numbers (they are already rounded where they are shown). */
function toJson(v: unknown): unknown {
  if (v instanceof D) return num(v as Dec);
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}
