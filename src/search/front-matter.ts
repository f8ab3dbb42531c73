/**
 * Front matter of a Markdown article: the small subset of YAML that article files need
 * (`key: value`, quoted values, `[a, b]` and `- item` lists), without a YAML dependency.
 * Anything else is reported with its line number rather than guessed at.
 */

export type FrontMatterData = Record<string, string | string[]>;

export interface FrontMatter {
  data: FrontMatterData;
  /** Everything after the closing fence, or the whole source when there is no front matter. */
  body: string;
  /** Each names its line in the source, e.g. `line 3: expected "key: value", got "oops"`. */
  problems: string[];
}

const FENCE = '---';
const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/;
const LIST_ITEM = /^[ \t]*-(?:[ \t]+(.*))?$/;

export function parseFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== FENCE) return { data: {}, body: text, problems: [] };

  // YAML also allows "..." to end a document.
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === FENCE || line.trimEnd() === '...'));
  if (end === -1) {
    return { data: {}, body: text, problems: ['line 1: front matter starts with --- but has no closing --- line'] };
  }
  const { data, problems } = parseFields(lines.slice(1, end));
  return { data, body: lines.slice(end + 1).join('\n'), problems };
}

function parseFields(lines: string[]): { data: FrontMatterData; problems: string[] } {
  // A Map, then Object.fromEntries: a key such as "__proto__" stays a plain own property.
  const fields = new Map<string, string | string[]>();
  const problems: string[] = [];
  const lineNumber = (i: number) => i + 2; // the opening fence is line 1

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;

    const match = KEY_VALUE.exec(line);
    if (!match) {
      const nested = /^[ \t]/.test(line) ? 'nested values are not supported' : 'expected "key: value"';
      problems.push(`line ${lineNumber(i)}: ${nested}, got ${JSON.stringify(line.trim())}`);
      continue;
    }
    const key = match[1]!;
    const raw = match[2]!.trim();
    if (fields.has(key)) problems.push(`line ${lineNumber(i)}: duplicate key "${key}" (the last one is kept)`);

    if (raw === '') {
      // "key:" alone: a block list may follow, blank lines allowed between its items.
      const items: string[] = [];
      let last = i;
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j]!;
        if (next.trim() === '') continue;
        const item = LIST_ITEM.exec(next);
        if (!item) break;
        const value = unquote((item[1] ?? '').trim());
        if (value !== '') items.push(value);
        last = j;
      }
      i = last;
      fields.set(key, items.length > 0 ? items : '');
    } else if (/^[|>][+-]?$/.test(raw)) {
      problems.push(`line ${lineNumber(i)}: multi-line values (${raw}) are not supported; write "${key}" on one line`);
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || /^[ \t]/.test(lines[i + 1]!))) i++;
    } else {
      fields.set(key, parseValue(raw));
    }
  }
  return { data: Object.fromEntries(fields), problems };
}

function parseValue(raw: string): string | string[] {
  if (raw.startsWith('[') && raw.endsWith(']')) {
    return splitFlowList(raw.slice(1, -1))
      .map((item) => unquote(item.trim()))
      .filter((item) => item !== '');
  }
  return unquote(raw);
}

/** Splits "a, b, "c, d"" on the commas outside quotes. */
function splitFlowList(inner: string): string[] {
  const items: string[] = [];
  let quote: string | null = null;
  let current = '';
  for (const char of inner) {
    if (quote !== null) {
      if (char === quote && !current.endsWith('\\')) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  items.push(current);
  return items;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

/** `"a \"b\""` and `'it''s'` to their text; anything else as it is. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, (_, char: string) => ESCAPES[char] ?? char);
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'");
  }
  return value;
}
