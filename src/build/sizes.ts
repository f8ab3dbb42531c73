/**
 * The widget's size budgets (DEVELOPERS.md, issue 2), measured on the built files. Sizes are
 * gzip at zlib's default level, as a web server sends them; 1 KB = 1,024 bytes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** dist/lifeline.js, the file site owners paste. */
  loader: 6 * 1024,
  /** Every script the page fetches by its load event (the loader, before any intent). */
  atLoad: 8 * 1024,
  /** Every JavaScript file of the widget: loader, panel and any chunk. */
  whole: 35 * 1024,
} as const;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export const gzipSize = (data: Uint8Array | string): number => gzipSync(data).length;

/** Every .js file in dist/, with its raw and gzip size. */
export async function measureDist(distDir: string): Promise<{ files: FileSize[]; loader: FileSize; whole: number }> {
  const names = (await readdir(distDir)).filter((name) => name.endsWith('.js')).sort();
  const files = await Promise.all(
    names.map(async (file) => {
      const data = await readFile(`${distDir}/${file}`);
      return { file, raw: data.length, gzip: gzipSize(data) };
    }),
  );
  const loader = files.find((f) => f.file === 'lifeline.js');
  if (!loader) throw new Error(`no lifeline.js in ${distDir}: run npm run build first`);
  return { files, loader, whole: files.reduce((sum, f) => sum + f.gzip, 0) };
}
