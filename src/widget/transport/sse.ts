/**
 * An incremental Server-Sent Events parser (the WHATWG event-stream format). EventSource cannot
 * send an Authorization header, so the widget reads the stream with fetch and parses it here.
 * Pure: feed it text as it arrives, get whole events back.
 */
export interface SseEvent {
  /** The `id:` field, when the event had one. */
  id?: string;
  event: string;
  data: string;
}

/**
 * `onRetry` gets the server's `retry:` field (milliseconds): how long it asks a client to wait
 * before reconnecting after the stream is lost.
 */
export function createSseParser(onRetry?: (ms: number) => void): { feed(chunk: string): SseEvent[] } {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  return {
    feed(chunk) {
      buffer += chunk;
      const out: SseEvent[] = [];
      // A line ends at \r\n, \n or \r; a trailing \r may be half of a \r\n still to come.
      const lines = buffer.split(/\r\n|\n|\r(?!$)/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (data.length) out.push({ ...(id !== undefined && { id }), event: event || 'message', data: data.join('\n') });
          data = [];
          event = '';
          id = undefined;
          continue;
        }
        if (line.startsWith(':')) continue; // a comment: heartbeats
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
        else if (field === 'id' && !value.includes('\0')) id = value;
        else if (field === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value));
      }
      return out;
    },
  };
}
