import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentType = (path: string): string => TYPES[extname(path)] ?? 'application/octet-stream';

/**
 * Reads `relative` inside `dir`, refusing anything that resolves outside it (../, encoded or
 * not). Returns null when there is no such file.
 */
export async function readInside(dir: string, relative: string): Promise<Buffer | null> {
  const base = resolve(dir);
  const path = resolve(base, '.' + sep + decodeURIComponent(relative));
  if (path !== base && !path.startsWith(base + sep)) return null;
  try {
    return await readFile(path);
  } catch {
    return null; // missing, a folder, or unreadable: all are a 404 to the browser
  }
}
