/**
 * Card numbers never reach the database: the widget masks them already, but the API cannot
 * trust every client, so the server masks again (the same Luhn rule) before storing.
 */
import type { CreateHandoffRequest, TranscriptEntry } from '../protocol/types';
import { maskCardNumbers } from '../widget/transcript';

export const redactText = maskCardNumbers;

export function redactHandoff(request: CreateHandoffRequest): CreateHandoffRequest {
  const { callback } = request;
  return {
    ...request,
    transcript: request.transcript.map(redactEntry),
    ...(callback && { callback: { ...callback, ...(callback.note !== undefined && { note: redactText(callback.note) }) } }),
  };
}

function redactEntry(entry: TranscriptEntry): TranscriptEntry {
  switch (entry.type) {
    case 'page':
      return { ...entry, url: redactText(entry.url), title: redactText(entry.title) };
    case 'search':
      return { ...entry, query: redactText(entry.query) };
    case 'article':
      return { ...entry, title: redactText(entry.title) };
    case 'feedback':
    case 'handoff':
      return entry;
  }
}
