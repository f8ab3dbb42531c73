/**
 * What the loader records before the panel exists (a page view, a tap on the phone link),
 * kept apart from the transcript so the loader stays tiny: no validation or folding here. The
 * transcript store folds these entries in, in order, the next time it reads (transcript-store.ts).
 */
import type { TranscriptEntry } from '../protocol/transcript';

export const PENDING_KEY = 'lifeline:pending';
const MAX_PENDING = 50;

export function logPending(storage: Pick<Storage, 'getItem' | 'setItem'> | null, entry: TranscriptEntry): void {
  if (!storage) return;
  try {
    const raw: unknown = JSON.parse(storage.getItem(PENDING_KEY) ?? '[]');
    const list = Array.isArray(raw) ? raw : [];
    // Card numbers are masked before anything is stored (docs/protocol.md).
    list.push(JSON.parse(maskCards(JSON.stringify(entry))));
    storage.setItem(PENDING_KEY, JSON.stringify(list.slice(-MAX_PENDING)));
  } catch {
    // Storage blocked or full: this one page view is not recorded; nothing else depends on it.
  }
}

/**
 * A compact card-number mask for the loader (which only logs page titles and URLs): runs of
 * 13-19 digits, spaces or dashes allowed between, that pass the Luhn check keep their last four.
 * The transcript's fuller maskCardNumbers runs again when these entries are folded in.
 */
export function maskCards(text: string): string {
  return text.replace(/\d(?:[ -]?\d){12,18}/g, (run) => {
    const digits = run.replace(/\D/g, '');
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = +digits[digits.length - 1 - i]!;
      if (i % 2) d = d > 4 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return sum % 10 ? run : run.replace(/\d/g, (d, at: number) => (run.slice(at).replace(/\D/g, '').length > 4 ? '•' : d));
  });
}
