import { describe, expect, it } from 'vitest';
import { stripJpegMetadata } from './exif';

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));
/** A segment: marker, then its big-endian length (which counts itself) and payload. */
const segment = (marker: number, payload: number[]): number[] => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const JFIF = segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
// An EXIF block whose GPS IFD holds a latitude written as text, to look for afterwards.
const EXIF = segment(0xe1, [...ascii('Exif'), 0, 0, ...ascii('MM'), 0, 42, 0, 0, 0, 8, ...ascii('GPS 48.8584N 2.2945E')]);
const XMP = segment(0xe1, [...ascii('http://ns.adobe.com/xap/1.0/'), 0, ...ascii('<x:xmpmeta exif:GPSLatitude="48,51.5N"/>')]);
const ICC = segment(0xe2, [...ascii('ICC_PROFILE'), 0, 1, 1, 9, 9, 9]);
const DQT = segment(0xdb, [0, ...new Array<number>(64).fill(1)]);
// Start of scan, then entropy-coded data (with a stuffed 0xFF 0x00 and a restart marker).
const SCAN = [...segment(0xda, [1, 1, 0, 0, 63, 0]), 0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];

const jpeg = (...parts: number[][]): Uint8Array => new Uint8Array(parts.flat());
const text = (b: Uint8Array): string => String.fromCharCode(...b);

describe('stripJpegMetadata', () => {
  it('drops the EXIF (GPS) and XMP segments and keeps every other byte as it was', () => {
    const out = stripJpegMetadata(jpeg(SOI, JFIF, EXIF, XMP, ICC, DQT, SCAN, EOI))!;
    expect([...out]).toEqual([...jpeg(SOI, JFIF, ICC, DQT, SCAN, EOI)]);
    expect(text(out)).not.toContain('GPS');
    expect(text(out)).not.toContain('Exif');
  });

  it('leaves a JPEG without metadata unchanged', () => {
    const plain = jpeg(SOI, JFIF, DQT, SCAN, EOI);
    expect([...stripJpegMetadata(plain)!]).toEqual([...plain]);
  });

  it('keeps an APP1 segment that is neither EXIF nor XMP', () => {
    const other = segment(0xe1, ascii('Other\0stuff'));
    expect([...stripJpegMetadata(jpeg(SOI, other, SCAN, EOI))!]).toEqual([...jpeg(SOI, other, SCAN, EOI)]);
  });

  it('copies whatever follows the scan, metadata-looking bytes in the image data included', () => {
    const scan = [...SCAN, ...ascii('Exif'), 0];
    expect([...stripJpegMetadata(jpeg(SOI, EXIF, scan, EOI))!]).toEqual([...jpeg(SOI, scan, EOI)]);
  });

  it('accepts fill bytes before a marker', () => {
    const out = stripJpegMetadata(jpeg(SOI, [0xff], EXIF, SCAN, EOI))!;
    expect(text(out)).not.toContain('GPS');
  });

  it('refuses what is not a well-formed JPEG', () => {
    expect(stripJpegMetadata(jpeg(ascii('GIF89a')))).toBeNull();
    expect(stripJpegMetadata(jpeg(SOI))).toBeNull();
    // A segment whose length runs past the end of the file.
    expect(stripJpegMetadata(jpeg(SOI, [0xff, 0xe1, 0x40, 0x00, 1, 2, 3]))).toBeNull();
    // A length below 2 (it counts itself).
    expect(stripJpegMetadata(jpeg(SOI, [0xff, 0xe0, 0x00, 0x01], SCAN, EOI))).toBeNull();
    // Garbage where a marker should be.
    expect(stripJpegMetadata(jpeg(SOI, JFIF, [0x12, 0x34], SCAN, EOI))).toBeNull();
    // Ends before any image data.
    expect(stripJpegMetadata(jpeg(SOI, JFIF))).toBeNull();
  });
});
