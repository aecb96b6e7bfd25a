// The output language, kept apart from the catalogs so that choosing it loads no sentences (a run
// answered from validate's cache prints bytes it rendered before).

export type Lang = 'zh' | 'en';

/** The language from --lang, else from the locale (zh when LANG/LC_ALL starts with zh). */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return loc.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
