/**
 * A small RFC 4180 CSV parser for `lifeline index file.csv`: commas, double quotes ("" inside a
 * quoted field is one quote), and CR/LF or LF newlines, also inside quoted fields. Each row keeps
 * the line it started on, so problems can name it.
 */
export interface CsvRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  rows: CsvRow[];
  problems: string[];
}

export function parseCsv(source: string): ParsedCsv {
  const text = source.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  const problems: string[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    // A blank line is no row.
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field === '') {
        quoted = true;
        quoteLine = line;
        fieldStarted = true;
      } else field += c; // a stray quote inside an unquoted field is kept as text
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) problems.push(`line ${quoteLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0 || fieldStarted) endRow();
  return { rows, problems };
}
