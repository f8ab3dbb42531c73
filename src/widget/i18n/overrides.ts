/**
 * The site's own words (LifelineSettings.strings) laid over a language pack, and the check that
 * names what the site got wrong. Pure: a chunk of its own, fetched only by a page that sets
 * strings, so no other visitor pays for the key table.
 */
import type { SiteString, SiteStrings } from '../settings';
import { LANGUAGES, type Language } from './locale';
import { STRING_KEYS, type PackName } from './string-keys';

type Fn = (...args: unknown[]) => string;

/**
 * "Chat with {name}" with its arguments, numbers as the language writes them; a null argument
 * (an unknown wait) says nothing.
 */
function fill(text: string, names: readonly string[], args: readonly unknown[], language: Language): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const at = names.indexOf(name);
    const arg = args[at];
    return at < 0 ? whole : typeof arg === 'number' ? new Intl.NumberFormat(language).format(arg) : String(arg ?? '');
  });
}

/** The site's text as the pack's string or function, or undefined when it is not usable there. */
function asString(value: SiteString, names: readonly string[], language: Language): string | Fn | undefined {
  if (!names.length) return typeof value === 'string' ? value : undefined;
  if (typeof value !== 'string' && typeof value.other !== 'string') return undefined;
  return (...args: unknown[]) => {
    if (typeof value === 'string') return fill(value, names, args, language);
    // Plural forms: the first count among the arguments picks one, as Intl.PluralRules says.
    const count = args.find((a): a is number => typeof a === 'number') ?? 0;
    return fill(value[new Intl.PluralRules(language).select(count)] ?? value.other!, names, args, language);
  };
}

/** The pack with the site's words for `language` in place of its own; the pack itself is untouched. */
export function applyOverrides<T extends object>(name: PackName, pack: T, language: Language, site: SiteStrings | null): T {
  const own = site?.[language];
  if (!own || typeof own !== 'object') return pack;
  const out = { ...pack };
  for (const [key, spec] of Object.entries(STRING_KEYS[name]) as Array<[string, string]>) {
    const value = own[key];
    if (value === undefined) continue;
    const [path, ...names] = spec.split(' ');
    const replaced = asString(value, names, language);
    if (replaced === undefined) continue;
    const steps = path!.split('.');
    let at = out as Record<string, unknown>;
    for (const step of steps.slice(0, -1)) at = at[step] = { ...(at[step] as object) };
    at[steps.at(-1)!] = replaced;
  }
  return out;
}

const KNOWN = new Map<string, string[]>(
  Object.values(STRING_KEYS).flatMap((keys) => Object.entries(keys).map(([key, spec]): [string, string[]] => [key, spec.split(' ').slice(1)])),
);

/**
 * What is wrong with LifelineSettings.strings, one sentence per problem, each naming the language
 * or key: a language the widget does not speak, a key it does not have, a value that is not text
 * (or plural forms where a count is said), a placeholder the string does not fill.
 */
export function checkSiteStrings(site: unknown): string[] {
  const where = 'window.LifelineSettings.strings';
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (site == null) return [];
  if (!isMap(site)) return [`${where}: expected the site's words by language and key, like {"fr": {"human.talk": "Parler à un conseiller"}}`];
  const problems: string[] = [];
  for (const [language, keys] of Object.entries(site)) {
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      problems.push(`${where}: unknown language "${language}"; expected one of ${LANGUAGES.join(', ')}`);
      continue;
    }
    if (!isMap(keys)) {
      problems.push(`${where}.${language}: expected an object of strings by key`);
      continue;
    }
    for (const [key, value] of Object.entries(keys)) {
      const names = KNOWN.get(key);
      const at = `${where}.${language}["${key}"]`;
      if (!names) problems.push(`${at}: unknown key; the keys are listed in the README ("The site's own words")`);
      else if (typeof value === 'string') {
        const stray = [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((n) => !names.includes(n));
        if (stray.length) problems.push(`${at}: no placeholder {${stray[0]}} here; ${names.length ? `it has ${names.map((n) => `{${n}}`).join(', ')}` : 'it has none'}`);
      } else if (!(names.length && isMap(value) && typeof value.other === 'string')) {
        problems.push(`${at}: expected text${names.length ? ', or plural forms like {"one": "…", "other": "…"}' : ''}`);
      }
    }
  }
  return problems;
}

/** Logs each problem once, as the settings' problems are logged. */
export const reportSiteStrings = (site: unknown): void => {
  for (const problem of checkSiteStrings(site)) console.error(`[Lifeline] ${problem}`);
};
