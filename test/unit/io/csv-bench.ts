// Benchmark of the monitoring CSV reader (not a test: run it by hand).
//   npx tsx test/unit/io/csv-bench.ts [rows] [--csv-parse] [--gbk]
// Writes a file of `rows` rows (default 1,000,000, about 50 MB) to the OS temp directory in a
// child process (so that generating it does not count in the memory figure), then streams it
// and prints the time and the peak resident memory of this process.
import { execFileSync } from 'node:child_process';
import { writeFileSync, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { streamMonitoringCsv } from '../../../src/io/csv.js';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const useCsvParse = process.argv.includes('--csv-parse');
const gbk = process.argv.includes('--gbk');

const genTarget = process.env.BPM_BENCH_GENERATE;
if (genTarget) {
  generate(genTarget);
  process.exit(0);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bpm-bench-'));
const file = path.join(dir, 'big.csv');
execFileSync(process.execPath, [...process.execArgv, process.argv[1], ...process.argv.slice(2)], {
  env: { ...process.env, BPM_BENCH_GENERATE: file },
  stdio: 'inherit',
});
const mb = (statSync(file).size / 1e6).toFixed(1);
const rssBefore = process.memoryUsage().rss / 1048576;

function generate(target: string): void {
  const parts: string[] = ['project,period,metric,value,note\r\n'];
  for (let i = 0; i < rows; i++) {
    const note = i % 10 === 0 ? '"受台风影响, 工期延误"' : '';
    parts.push(`DL-2025-WL-${String(i % 1000).padStart(3, '0')},2025-Q${(i % 4) + 1},OUT-${i % 37},${(i * 7.31).toFixed(2)},${note}\r\n`);
  }
  const text = parts.join('');
  writeFileSync(target, gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
}

const t0 = process.hrtime.bigint();
let count = 0;
let sum = 0;
if (useCsvParse) {
  // The same work with csv-parse's streaming parser, for comparison.
  await new Promise<void>((resolve, reject) => {
    const p = createReadStream(file).pipe(parse({ relax_column_count: true, bom: true }));
    p.on('data', (rec: string[]) => {
      count++;
      sum += rec[3].length;
    });
    p.on('end', () => resolve());
    p.on('error', reject);
  });
} else {
  const res = await streamMonitoringCsv(file, 'big.csv', {}, (row) => {
    count++;
    sum += row.value ? row.value.length : 0;
  });
  if (res.diagnostics.length > 0) console.log(res.diagnostics.slice(0, 3));
  console.log('encoding', res.encoding);
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const rss = process.resourceUsage().maxRSS / 1024;
console.log(
  `${useCsvParse ? 'csv-parse' : 'bpm'}: ${count} rows, ${mb} MB in ${ms.toFixed(0)} ms; ` +
    `peak RSS ${rss.toFixed(0)} MB (${rssBefore.toFixed(0)} MB before reading) [checksum ${sum}]`,
);
rmSync(dir, { recursive: true, force: true });
