// `bpm validate --cache`. Kept apart from run.ts so that a run answered from the cache finds its
// inputs, fingerprints them and copies the cached output without ever running the YAML readers,
// the schema validators, the rules, the message catalogs or the formatters; everything else is
// loaded (from run.ts) only when something has to be validated or rendered.
import type { ValidateReport, ValidateSummary } from '../../core/report.js';
import type { CacheOptions, RunCache } from '../../io/cache.js';
import { discoverInputs, type Found } from '../../io/discover.js';
import type { Lang } from '../../i18n/lang.js';
import { VERSION } from '../../version.js';
import type { ValidateOptions } from './run.js';

/** How a caller turns a report into output, and the name of that rendering in the cache. */
export interface Rendering {
  /** Everything the text depends on besides the report (format, language, colour, --quiet). */
  variant: string;
  render: (report: ValidateReport) => string | Promise<string>;
}

export interface RenderedResult {
  /** The output: bytes straight from the cache, or freshly rendered text. */
  text: string | Buffer;
  summary: Pick<ValidateSummary, 'errors' | 'warnings'>;
  /** Absolute paths of the inputs (the output must not replace one). */
  inputs: string[];
  cached: boolean;
}

/** Finds the run's inputs and looks them up in the cache. */
export async function openCache(opts: ValidateOptions, cacheOpts: CacheOptions): Promise<{ inputs: Found[]; cache: RunCache }> {
  const [{ RunCache, cachePath, runKey }, inputs] = await Promise.all([import('../../io/cache.js'), discoverInputs(opts.paths, opts)]);
  const file = cachePath(cacheOpts.location, opts.cwd);
  const key = runKey({ version: VERSION, cwd: opts.cwd, policy: opts.policy, strategy: opts.strategy, encoding: opts.encoding, skipNonBpm: opts.skipNonBpm === true });
  return { inputs, cache: RunCache.open(file, key, inputs, cacheOpts.strategy) };
}

/** The name of a rendering in the cache: everything the text depends on besides the results. */
export function variantOf(format: string, lang: string, color: boolean, quiet: boolean | undefined, root?: string, junitWarnings?: string, width?: number): string {
  // The repository root joins only for the formats that name files from it (sarif, github),
  // --junit-warnings only for junit when it changes anything, and the terminal's width only for
  // stylish, which fits it.
  const v: unknown[] = [format, lang, color, quiet === true];
  if (root !== undefined) v.push(root);
  if (format === 'junit' && junitWarnings === 'failure') v.push('junit-warnings');
  if (format === 'stylish' && width !== undefined) v.push({ width });
  return JSON.stringify(v);
}

/**
 * A validation rendered as output, with a cache: an unchanged run returns the bytes a fresh run
 * printed, or renders the cached results when this rendering was not kept; a changed one is
 * validated and stored along with its rendering.
 */
export async function validateRendered(opts: ValidateOptions, cacheOpts: CacheOptions, out: Rendering): Promise<RenderedResult> {
  const { inputs, cache } = await openCache(opts, cacheOpts);
  const abs = inputs.map((f) => f.abs);
  if (cache.hit) {
    const bytes = cache.output(out.variant);
    if (bytes) return { text: bytes, summary: cache.summary!, inputs: abs, cached: true };
  }
  const { finish, runAndStore } = await import('./run.js');
  const raw = cache.hit ? cache.raw() : undefined;
  if (raw) {
    const report = finish(raw, opts.lang);
    const text = await out.render(report);
    cache.addOutput(out.variant, text);
    return { text, summary: report.summary, inputs: abs, cached: true };
  }
  const { report, texts } = await runAndStore(opts, inputs, cache, [out]);
  return { text: texts[0], summary: report.summary, inputs: abs, cached: false };
}

/** Exit code of a validate report (README.md#exit-codes): 1 on errors or too many warnings (--max-warnings -1: no limit). */
export function validateExitCode(report: { summary: Pick<ValidateSummary, 'errors' | 'warnings'> }, maxWarnings: number | undefined): number {
  if (report.summary.errors > 0) return 1;
  return tooManyWarnings(report, maxWarnings) ? 1 : 0;
}

export function tooManyWarnings(report: { summary: Pick<ValidateSummary, 'warnings'> }, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && maxWarnings >= 0 && report.summary.warnings > maxWarnings;
}

/**
 * The exit code, and when the warnings alone fail the run, one line on stderr that says so
 * (as ESLint does): otherwise exit 1 after "no errors" would be a riddle.
 */
export async function finishValidate(
  report: { summary: Pick<ValidateSummary, 'errors' | 'warnings'> },
  maxWarnings: number | undefined,
  stderr: NodeJS.WritableStream,
  lang: Lang,
): Promise<number> {
  const code = validateExitCode(report, maxWarnings);
  if (code === 1 && report.summary.errors === 0) {
    const { t } = await import('../../i18n/index.js');
    stderr.write(`bpm: ${t(lang, 'fmt.too-many-warnings', { count: report.summary.warnings, max: maxWarnings! })}\n`);
  }
  return code;
}
