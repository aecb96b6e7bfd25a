// What a file on disk is to bpm, told from its first bytes: a bpm YAML document, monitoring
// data, one of bpm's own CSV reports, or a CSV of another kind. Used to refuse writing a report
// over a document (-o, --out-dir without --force) and to leave other CSV files out of a
// directory walk, so that `score --out-dir` into a project folder does not feed the next run its
// reports as data.
import { promises as fsp } from 'node:fs';
import { monitoringColumns } from './csv-reader.js';
import { decodeText } from './encoding.js';
import { BPM_API } from './fast-yaml.js';

/**
 * The first cells of the header row of every CSV report bpm writes (score: batch ranking and
 * one project's items; variance), in English and Chinese. A test renders each report and checks
 * that its header is recognised here, so a renamed heading cannot slip past.
 */
const REPORT_HEADERS: readonly string[] = [
  'rank,code,name,department',
  '排名,项目编码,项目名称,主管部门',
  'code,level 1,level 2,indicator (level 3)',
  '项目编码,一级指标,二级指标,三级指标',
  'project,name,period,timeprogress',
  '项目编码,项目名称,期间,时间进度',
];

/** Whether a CSV header row (its cells) is the header of one of bpm's own reports. */
export function isBpmReportHeader(cells: readonly string[]): boolean {
  const head = cells
    .slice(0, 4)
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase())
    .join(',');
  return REPORT_HEADERS.includes(head);
}

/**
 * The header cells of a CSV file from its first bytes (a few kilobytes suffice): the first line
 * alone is decoded (a line feed is never part of a multi-byte character in UTF-8 or GBK, so
 * the cut cannot split one), as the CSV reader would decode it.
 */
export function headerCells(bytes: Uint8Array): string[] {
  let end = bytes.indexOf(10);
  if (end < 0) end = bytes.length;
  return firstRowCells(decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, end)).text);
}

/** Whether the bytes of a CSV file (its first few kilobytes suffice) are one of bpm's reports. */
export function isBpmReport(bytes: Uint8Array): boolean {
  return isBpmReportHeader(headerCells(bytes));
}

/**
 * Whether a CSV file found by walking is something else than monitoring data: one of bpm's own
 * reports, or a table whose header names none of the monitoring columns (a CSV of another
 * kind kept beside the dossiers). A header that names some of them is an attempt at
 * monitoring data, and its problems are reported.
 */
export function isOtherCsv(bytes: Uint8Array): boolean {
  const cells = headerCells(bytes);
  if (isBpmReportHeader(cells)) return true;
  // An empty file, or a binary one named .csv, is a monitoring file gone wrong: reported.
  const text = cells.join('');
  if (text.trim() === '' || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return false;
  return monitoringColumns(cells).found.size === 0;
}

/** The cells of the first non-empty line of a CSV text (split at its most frequent delimiter). */
export function firstRowCells(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, line.split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return line.split(delimiter);
}

export interface DocumentKind {
  en: string;
  zh: string;
}

const KIND_WORDS: Record<string, DocumentKind> = {
  ProjectDossier: { en: 'dossier (ProjectDossier)', zh: '绩效目标文档（ProjectDossier）' },
  Evaluation: { en: 'evaluation (Evaluation)', zh: '评价文档（Evaluation）' },
  ScoringPolicy: { en: 'scoring policy (ScoringPolicy)', zh: '评分规则（ScoringPolicy）' },
  StrategyPlan: { en: 'strategy plan (StrategyPlan)', zh: '战略规划（StrategyPlan）' },
};
const MONITORING: DocumentKind = { en: 'monitoring data file', zh: '监控数据文件' };
const WORKBOOK: DocumentKind = { en: 'input workbook (a 申报表, 自评表 or monitoring data)', zh: '输入工作簿（申报表、自评表或监控数据）' };
const UNREADABLE_WORKBOOK: DocumentKind = { en: 'workbook that bpm cannot read (encrypted or damaged), possibly a form', zh: '无法读取的工作簿（已加密或已损坏），可能是表格' };
const DOCUMENT: DocumentKind = { en: 'document', zh: '文档' };

/** What kind of bpm input `abs` holds, or null when it is anything else (a report, other text). */
export async function bpmDocumentKind(abs: string): Promise<DocumentKind | null> {
  let head: Buffer;
  try {
    const handle = await fsp.open(abs, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  if (isWorkbookBytes(head)) return workbookKind(abs);
  const text = decodeText(head).text;
  if (BPM_API.test(text)) {
    const kind = /^\s*kind\s*:\s*["']?(\w+)/m.exec(text)?.[1];
    return (kind && KIND_WORDS[kind]) || DOCUMENT;
  }
  const cells = firstRowCells(text);
  if (!isBpmReportHeader(cells) && monitoringColumns(cells).complete) return MONITORING;
  return null;
}

/** A zip package (an .xlsx) or an OLE compound file (an encrypted .xlsx, an .xls), by its magic number. */
function isWorkbookBytes(head: Buffer): boolean {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return true;
  return head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/**
 * What an existing workbook is to bpm: one of bpm's own reports (null: it may be replaced, so
 * that a report is written again to the same -o), a workbook with forms or monitoring data, or
 * one bpm cannot read (it may be someone's form: kept); null for any other workbook.
 */
async function workbookKind(abs: string): Promise<DocumentKind | null> {
  const { readWorkbookDocuments } = await import('./xlsx/forms/index.js');
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(abs);
  } catch {
    return null;
  }
  const reading = readWorkbookDocuments(bytes, abs);
  if (reading.report !== undefined) return null;
  if (reading.documents.length > 0) return WORKBOOK;
  return reading.diagnostics.some((d) => d.code === 'xlsx-encrypted' || d.code === 'xlsx-corrupt' || d.code === 'xlsx-legacy' || d.code === 'xlsx-too-large') ? UNREADABLE_WORKBOOK : null;
}
