/**
 * Reads the raw text of a Server-Sent Events stream as the HTML standard's parser does
 * ("Interpreting an event stream"), for tests that check what a server really wrote rather
 * than what a lenient client makes of it: lines end in CRLF, LF or CR; a blank line ends a
 * block; a line starting with `:` is a comment; `name: value` loses one space after the colon;
 * a line without a colon is a field with an empty value. Nothing is interpreted (a field name
 * the standard ignores is kept, a repeated one too), so a check can refuse what it must.
 */

export interface SseBlock {
  /** The block's fields in order, as written. */
  fields: Array<{ name: string; value: string }>;
  /** Its comment lines, without the leading colon. */
  comments: string[];
}

/**
 * The complete blocks of `text` (each ended by a blank line), and what follows the last one:
 * a block still being written, not yet an event.
 */
export function sseBlocks(text: string): { blocks: SseBlock[]; rest: string } {
  const blocks: SseBlock[] = [];
  let block: SseBlock = { fields: [], comments: [] };
  let start = 0;
  // A line ends at CRLF, LF or CR; a CR at the very end may be half of a CRLF still on its way.
  const lineEnd = /\r\n|\n|\r(?!$)/g;
  let blockStart = 0;
  for (let m = lineEnd.exec(text); m; m = lineEnd.exec(text)) {
    const line = text.slice(start, m.index);
    start = m.index + m[0].length;
    if (line === '') {
      if (block.fields.length || block.comments.length) blocks.push(block);
      block = { fields: [], comments: [] };
      blockStart = start;
    } else if (line.startsWith(':')) block.comments.push(line.slice(1));
    else {
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const raw = colon < 0 ? '' : line.slice(colon + 1);
      block.fields.push({ name, value: raw.startsWith(' ') ? raw.slice(1) : raw });
    }
  }
  return { blocks, rest: text.slice(blockStart) };
}

/** One event as OpenAPI 3.2 models it: `event`, `id`, `retry` as written, `data` its lines joined by LF. */
export interface SseItem {
  event?: string;
  id?: string;
  retry?: string;
  data?: string;
}

/**
 * A block as an item, and what about it is not plain SSE: a field other than `event`, `id`,
 * `retry` and `data`, or `event`, `id` or `retry` given twice (the last would silently win).
 */
export function sseItem(block: SseBlock): { item: SseItem; problems: string[] } {
  const item: SseItem = {};
  const problems: string[] = [];
  for (const { name, value } of block.fields) {
    if (name === 'data') item.data = item.data === undefined ? value : `${item.data}\n${value}`;
    else if (name === 'event' || name === 'id' || name === 'retry') {
      if (item[name] !== undefined) problems.push(`\`${name}:\` given twice`);
      item[name] = value;
    } else problems.push(`\`${name}:\` is not a field of Server-Sent Events`);
  }
  return { item, problems };
}
