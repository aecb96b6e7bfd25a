// Resolving a policy reference — a built-in name (`self`, `key`) or a ScoringPolicy file that
// `extends` another — into an effective Policy. Cycles and unreadable files are reported, never
// followed forever.
import { dirname, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { applyPolicyDoc } from '../core/model/normalise.js';
import { builtinPolicy, type Policy } from '../core/model/policy.js';
import type { ScoringPolicyDoc } from '../core/model/schema-types.js';
import { policyProblems } from '../core/rules/policy-consistency.js';
import { isUsageError } from '../errors.js';
import type { PolicyFileCode } from './codes.js';
import { fingerprintBytes, fingerprintError } from './fingerprint.js';
import { MAX_YAML_BYTES, readRegularFile } from './read-file.js';
import { decodeYamlText } from './encoding.js';
import { scanScalars } from './scalars.js';
import { checkDocument } from './schema.js';
import { parseYaml } from './yaml.js';

export class PolicyLoadError extends Error {
  constructor(
    readonly key: PolicyFileCode,
    readonly args: Record<string, string>,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(`${key}: ${JSON.stringify(args)}`);
  }
}

/**
 * The policy files a load tried to read (absolute path → fingerprint of what it read), for
 * `validate --cache`, whose key needs them: taken from the very bytes the run used, so a file
 * changed while the run went on cannot be recorded with content the run never saw.
 */
export type PolicyReads = Map<string, string>;

/**
 * The effective policy of a ScoringPolicy document already parsed from `abs`: its `extends`
 * chain resolved (default `self`).
 */
export function resolvePolicyDoc(doc: ScoringPolicyDoc, abs: string, reads: PolicyReads, chain: string[] = []): Policy {
  const base = resolvePolicyRef(doc.extends ?? 'self', dirname(abs), reads, [...chain, abs]);
  return applyPolicyDoc(base, doc);
}

/** Two reads of one file that disagree record a fingerprint nothing matches: never cached. */
function noteRead(reads: PolicyReads, abs: string, print: string): void {
  const was = reads.get(abs);
  reads.set(abs, was === undefined || was === print ? print : '!CHANGED');
}

/**
 * A built-in name or a path (relative to `baseDir`) → the effective Policy; each file read is
 * recorded in `reads`. Throws PolicyLoadError.
 */
export function resolvePolicyRef(ref: string, baseDir: string, reads: PolicyReads, chain: string[] = []): Policy {
  const builtin = builtinPolicy(ref);
  if (builtin) return builtin;
  const abs = resolve(baseDir, ref);
  if (chain.includes(abs)) {
    // Relative to the first file of the chain: short, and no local directories in the message.
    const base = dirname(chain[0]);
    throw new PolicyLoadError('policy-cycle', { file: ref, chain: [...chain, abs].map((p) => relative(base, p).split(sep).join('/')).join(' → ') });
  }
  let bytes: Buffer;
  try {
    const read = readRegularFile(abs, ref, MAX_YAML_BYTES);
    if (read.truncated) throw Object.assign(new Error('EFBIG'), { code: 'EFBIG' });
    noteRead(reads, abs, fingerprintBytes(read.bytes));
    bytes = read.bytes;
  } catch (e) {
    noteRead(reads, abs, fingerprintError(e));
    const reason = isUsageError(e) ? String(e.args.type) : ((e as NodeJS.ErrnoException).code ?? String(e));
    throw new PolicyLoadError('policy-unreadable', { file: ref, reason });
  }
  // Read as every YAML document is: bytes that are not UTF-8 are named at their place.
  const decoded = decodeYamlText(bytes, ref);
  if (decoded.diagnostics.some((d) => d.severity === 'error')) throw new PolicyLoadError('policy-invalid', { file: ref }, decoded.diagnostics);
  const parsed = parseYaml(decoded.text, ref);
  const data = parsed.data as Record<string, unknown> | undefined;
  if (!data || parsed.diagnostics.some((d) => d.severity === 'error')) {
    throw new PolicyLoadError('policy-invalid', { file: ref }, parsed.diagnostics);
  }
  if (data.kind !== 'ScoringPolicy') throw new PolicyLoadError('policy-not-a-policy', { file: ref, kind: String(data.kind) });
  // ９０ and ％ typed by an IME are read as 90 and %, as in every document of a run.
  const { doc, diagnostics } = checkDocument('ScoringPolicy', data, ref, scanScalars(data, { fold: true }));
  const errors = diagnostics.map((d) => ({ ...d, ...parsed.locate(d.path ?? '', d.code === 'unknown-key') }));
  // Without errors there is a document, and it is a ScoringPolicy (its kind was checked above).
  if (errors.length || doc?.kind !== 'ScoringPolicy') throw new PolicyLoadError('policy-invalid', { file: ref }, errors);
  const policy = resolvePolicyDoc(doc, abs, reads, chain);
  // A policy that does not add up (weights not totalling 100, grade bands that leave scores
  // without a grade) would score every project wrongly: refuse it rather than use it.
  const inconsistent = policyProblems({ file: ref, doc, policy })
    .map((f) => ({ code: f.code, severity: 'error' as const, file: ref, path: f.path, args: f.args, ...parsed.locate(f.path) }));
  if (inconsistent.length) throw new PolicyLoadError('policy-invalid', { file: ref }, inconsistent);
  return policy;
}
