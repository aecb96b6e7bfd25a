// The help of every diagnostic code, read from docs/rules.md (one `### <code>` section each,
// shipped with the package): its severity, and the bullets that say what is checked, why and how
// to fix it, in English and Chinese (**Checks:** / **检查：** …). `bpm validate --format sarif`
// gives each rule this help, so the page a user reads and the help a code-scanning alert shows
// are one text. Read only for SARIF; a missing page leaves the rules with their titles alone.
import { readFileSync } from 'node:fs';
import type { RuleHelp, RuleHelpTable, RuleHelpText } from '../core/report.js';
import { packageUrl } from '../paths.js';

const LABELS: Record<string, keyof Omit<RuleHelpText, 'more'>> = { Checks: 'checks', Why: 'why', Fix: 'fix', 检查: 'checks', 原因: 'why', 修改: 'fix' };

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** Bullets `- **Label:** text` of a section (continuation lines indented), in order. */
function bullets(body: string): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  let open = false;
  for (const line of body.split('\n')) {
    const m = /^- \*\*(.+?)[:：]\*\*\s*(.*)$/.exec(line);
    if (m) {
      out.push({ label: m[1], text: m[2].trim() });
      open = true;
    } else if (open && /^\s+\S/.test(line)) out[out.length - 1].text += ' ' + line.trim();
    else open = false;
  }
  return out;
}

export function parseRuleHelp(markdown: string): RuleHelpTable {
  const table: RuleHelpTable = {};
  for (const part of markdown.split(/^### /m).slice(1)) {
    const nl = part.indexOf('\n');
    const code = part.slice(0, nl).trim();
    if (!/^[a-z0-9-]+$/.test(code)) continue;
    const body = part.slice(nl + 1).split(/^#{1,3} /m)[0];
    const entry: RuleHelp = { en: { more: [] }, zh: { more: [] } };
    for (const b of bullets(body)) {
      const side = hasCjk(b.label) ? entry.zh : entry.en;
      const key = LABELS[b.label];
      if (key) side[key] = b.text;
      else side.more.push(b);
    }
    table[code] = entry;
  }
  return table;
}

export function loadRuleHelp(file: URL = packageUrl('docs/rules.md')): RuleHelpTable {
  try {
    return parseRuleHelp(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}
