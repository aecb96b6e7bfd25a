// Worker thread of src/io/parse-pool.ts: reads, decodes and parses (fast path only) a share of
// a large batch's YAML files while the main thread does the rest. Only the common case comes
// back (a readable UTF-8 bpm document that the fast path parsed); for anything else it answers
// null and the main thread takes the file through the ordinary path, diagnostics and all.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeText } from './encoding.js';
import { BPM_API, parseYamlFast } from './fast-yaml.js';
import type { PreParsed, PoolJob } from './parse-pool.js';

const job = workerData as PoolJob;
const out: (PreParsed | null)[] = job.files.map((abs, i) => {
  try {
    const bytes = readFileSync(abs);
    if (bytes.length > job.maxBytes) return null;
    const decoded = decodeText(bytes);
    if (decoded.diagnostics.length > 0 || decoded.encoding !== 'utf-8') return null;
    if (!job.explicit[i] && !BPM_API.test(decoded.text)) return null;
    const data = parseYamlFast(decoded.text);
    return data ? { text: decoded.text, data } : null;
  } catch {
    return null;
  }
});
parentPort!.postMessage(out);
