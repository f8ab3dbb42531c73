/**
 * Removes where a photo was taken from a JPEG before it is stored: a phone's camera writes the
 * place (EXIF GPS) into every picture, and a visitor sending a photo of a broken parcel does not
 * mean to send their home address with it. A small walker over the JPEG's segments, no
 * dependency: the APP1 segments holding EXIF (GPS, camera, times) or XMP (which may repeat the
 * place) are dropped; every other byte is kept as it was. The picture itself is not re-encoded.
 *
 * Dropping the whole EXIF block also drops its orientation tag, so a phone photo taken sideways
 * may show sideways; screenshots (the common case) carry none.
 */

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;

const EXIF = [0x45, 0x78, 0x69, 0x66, 0x00]; // "Exif\0"
const XMP = [...'http://ns.adobe.com/xap/1.0/'].map((ch) => ch.charCodeAt(0));

const startsAt = (b: Uint8Array, at: number, sig: readonly number[]): boolean => sig.every((v, i) => b[at + i] === v);

/** Markers that stand alone, with no length after them (TEM, RST0-7). */
const standalone = (m: number): boolean => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/**
 * The JPEG without its EXIF and XMP segments, or null when it is not a well-formed JPEG (a
 * segment runs past the end, a marker is missing): such a file is refused rather than stored
 * with whatever it might hide.
 */
export function stripJpegMetadata(jpeg: Uint8Array): Uint8Array | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== SOI) return null;
  const kept: Uint8Array[] = [jpeg.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at >= jpeg.length) return null; // ended before the image data
    if (jpeg[at] !== 0xff) return null;
    let m = at + 1;
    while (jpeg[m] === 0xff) m++; // fill bytes before a marker
    if (m >= jpeg.length) return null;
    const marker = jpeg[m]!;
    if (marker === EOI) {
      kept.push(jpeg.subarray(at));
      break;
    }
    if (standalone(marker)) {
      kept.push(jpeg.subarray(at, m + 1));
      at = m + 1;
      continue;
    }
    if (m + 2 >= jpeg.length) return null;
    const length = (jpeg[m + 1]! << 8) | jpeg[m + 2]!;
    const end = m + 1 + length;
    if (length < 2 || end > jpeg.length) return null;
    if (marker === SOS) {
      // The image data follows: metadata segments come before it, so the rest is kept whole.
      kept.push(jpeg.subarray(at));
      break;
    }
    const payload = m + 3;
    const metadata = marker === APP1 && (startsAt(jpeg, payload, EXIF) || startsAt(jpeg, payload, XMP));
    if (!metadata) kept.push(jpeg.subarray(at, end));
    at = end;
  }
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let o = 0;
  for (const part of kept) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}
