import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain fields, quoted commas, doubled quotes and newlines inside quotes', () => {
    const { rows, problems } = parseCsv('id,title,body\r\na,"Hello, world","He said ""hi""\nthen left"\nb,Plain,x\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, fields: ['id', 'title', 'body'] },
      { line: 2, fields: ['a', 'Hello, world', 'He said "hi"\nthen left'] },
      { line: 4, fields: ['b', 'Plain', 'x'] },
    ]);
  });

  it('keeps empty fields, skips blank lines, and reports an unclosed quote', () => {
    expect(parseCsv('a,,c\n\n,\n').rows.map((r) => r.fields)).toEqual([['a', '', 'c'], ['', '']]);
    expect(parseCsv('a,"open\n').problems).toEqual(['line 1: a quoted field is never closed']);
  });
});
