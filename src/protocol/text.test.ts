import { describe, expect, it } from 'vitest';
import { cut, isWellFormed, wellFormed } from './text';

describe('wellFormed', () => {
  // Node 20 has String.prototype.toWellFormed: ours must say exactly what it says.
  const native = (text: string): string => (text as string & { toWellFormed(): string }).toWellFormed();
  it.each([
    ['plain text', 'Where is my order?'],
    ['a whole emoji', 'Bikes 🚲 and more'],
    ['half an emoji at the end', 'Bikes \uD83D'],
    ['half an emoji at the start', '\uDEB2 Bikes'],
    ['two halves the wrong way round', '\uDEB2\uD83D'],
    ['a lone high half before a pair', '\uD83D\uD83D\uDEB2'],
  ])('repairs %s as toWellFormed does', (_name, text) => {
    expect(wellFormed(text)).toBe(native(text));
    expect(wellFormed(text)).toHaveLength(text.length);
    expect(isWellFormed(text)).toBe(wellFormed(text) === text);
    expect(() => encodeURIComponent(wellFormed(text))).not.toThrow();
  });

  it('replaces U+0000, which PostgreSQL cannot store, so both stores keep the same text', () => {
    expect(wellFormed('hi\u0000 there\u0000')).toBe('hi\uFFFD there\uFFFD');
    expect(isWellFormed('a\u0000b')).toBe(false);
  });
});

describe('cut', () => {
  it('keeps text within the limit as it is, and never ends on half an emoji', () => {
    expect(cut('Bikes', 10)).toBe('Bikes');
    expect(cut('Bikes', 3)).toBe('Bik');
    expect(cut('ab🚲', 3)).toBe('ab');
    expect(cut('ab🚲c', 4)).toBe('ab🚲');
  });
});
