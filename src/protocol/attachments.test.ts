import { describe, expect, it } from 'vitest';
import { checkAttachment, cleanFileName, isImageType, sniffType } from './attachments';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((ch) => ch.charCodeAt(0)) : p)));

describe('sniffType: the type by content, never by name', () => {
  it.each([
    ['image/png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['image/gif', bytes('GIF87a', [1, 0, 1, 0])],
    ['application/pdf', bytes('%PDF-1.7\n%')],
  ])('knows %s', (type, head) => {
    expect(sniffType(head)).toBe(type);
  });

  it.each([
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['SVG with an XML declaration', bytes('<?xml version="1.0"?><svg>')],
    ['HTML', bytes('<!DOCTYPE html><script>')],
    ['HTML with a BOM', bytes([0xef, 0xbb, 0xbf], '<html>')],
    ['text', bytes('hello world, plain')],
    ['a ZIP', bytes('PK', [3, 4, 20, 0, 0, 0])],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_, head) => {
    expect(sniffType(head)).toBeNull();
  });

  it('is not fooled by a PNG signature later in the file', () => {
    expect(sniffType(bytes('<svg>', [0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
  });

  it('tells images from documents', () => {
    expect(isImageType('image/webp')).toBe(true);
    expect(isImageType('application/pdf')).toBe(false);
  });
});

describe('checkAttachment', () => {
  const png = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]);
  it('accepts a file up to the limit, the limit included', () => {
    expect(checkAttachment(png, 100, 100)).toEqual({ ok: true, type: 'image/png' });
  });
  it('refuses one byte over, an empty file and an unknown type, in that order of checks', () => {
    expect(checkAttachment(png, 101, 100)).toEqual({ ok: false, problem: 'too_big' });
    expect(checkAttachment(png, 0, 100)).toEqual({ ok: false, problem: 'empty' });
    expect(checkAttachment(bytes('<svg>'), 5, 100)).toEqual({ ok: false, problem: 'type' });
  });
});

describe('cleanFileName', () => {
  it('keeps a plain name', () => {
    expect(cleanFileName('Invoice 2026-03.pdf', 'application/pdf')).toBe('Invoice 2026-03.pdf');
  });
  it('drops paths, quotes, backslashes and control characters', () => {
    expect(cleanFileName('C:\\Users\\me\\a"b.png', 'image/png')).toBe('ab.png');
    expect(cleanFileName('../../etc/x\r\n.png', 'image/png')).toBe('x.png');
  });
  it('names a nameless file after its type', () => {
    expect(cleanFileName('', 'image/png')).toBe('attachment.png');
    expect(cleanFileName('   ', 'image/jpeg')).toBe('attachment.jpg');
  });
  it('keeps the end of a long name (its extension)', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
