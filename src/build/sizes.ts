/**
 * The widget's size budgets (DEVELOPERS.md, issue 2), measured on the built files. Sizes are
 * gzip at zlib's default level, as a web server sends them; 1 KB = 1,024 bytes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** dist/lifeline.js, the file site owners paste: 6 KB, the issues' hard limit (built: 5.96 KB). */
  loader: 6 * 1024,
  /** Every script the page fetches by its load event (the loader and, for a language other than English, its launcher words; before any intent): 8 KB, the issues' limit. */
  atLoad: 8 * 1024,
  /**
   * The whole widget as a visitor's browser loads it to search and read: the loader, the panel,
   * the largest language pack (Arabic) and the largest search language (English, with its table
   * of everyday related words), with the launcher words and an articles file from `lifeline
   * index` (README, Budgets, says what it holds). Set to what is built with twelve languages,
   * right to left, search through the server, typos by edit distance instead of fuse.js, related
   * words in every search language (Japanese and Chinese a table each beside the segmenter they
   * share, so neither outgrows English), verified visitors and consent, a search the server asks
   * to wait (429) that keeps what it shows or says so calmly beside the popular articles, the
   * kinds of question and families of words search reads, and the panel's start in tasks of
   * their own (no task over 50 ms on opening Help: the yields between its stages, the time zone
   * checked without a first DateTimeFormat, the first plural warmed in a task of its own, about
   * 100 bytes), Traditional Chinese beside the others (a line more in each list of language
   * files), and beside an article whose title has every word asked, only articles whose titles
   * have one (about 50 bytes: "where is my order" no longer lists the invoices) (38.39 KB).
   */
  whole: 38.4 * 1024,
  /**
   * The live chunk (chat, callback, phone reference, the conversation view, files and articles in
   * the chat) with its largest language pack, fetched only when a visitor asks for a person on a
   * site with a backend. Our own cap, set to what is built (11.63 KB: a form in the chat that
   * never grows past its card, a message written while another is on its way sent in the same
   * flush, no words fetched for a chunk that arrives after destroy) so it cannot grow unnoticed.
   */
  live: 11.65 * 1024,
  /**
   * The hours chunk (opening hours, availability, the callback slot picker) with its largest
   * language's words (Polish; a chunk per language, src/hours/lang/), fetched when the human view
   * opens or the visitor opens the panel on a site with data-hours. Our own cap, down from 7.5 KB
   * now that the chunk no longer carries all twelve languages' words; then 0.03 KB more for the
   * full-width colon, semicolon and brackets Chinese and Japanese write in the week's hours
   * (built: 7.33 KB).
   */
  hours: 7.33 * 1024,
  /**
   * The e-mail offer of a waiting chat and what a reopen link that failed says (Away.tsx) with its
   * largest language's words, fetched only then. Our own cap, set to what is built (2.25 KB), then
   * 2.26 KB with Traditional Chinese: its words (0.60 KB) are smaller than Arabic's, but the
   * chunk names one more language file to import (3 bytes over 2.25 KB once every chunk name's
   * hash went from 8 characters to 7).
   */
  away: 2.26 * 1024,
  /**
   * The rating chunk ("How was this conversation?") with its largest language pack, fetched by the
   * live chunk only once a chat has ended. Our own cap; what is built (2.49 KB) already fills it.
   */
  rating: 2.5 * 1024,
  /**
   * Files in the chat (live/Attach.tsx: Attach a file, drop and paste, the content check,
   * thumbnails and the full-size view, downloads) with its largest language's words, fetched by
   * the chat view. Our own cap, set to what is built (3.80 KB; with Traditional Chinese's file
   * named in its map too, 3,890 of 3,891 bytes: a byte either way as other chunks' hashes change).
   */
  attach: 3.8 * 1024,
  /**
   * The human view (phone, e-mail, what the visitor tried, the cards' styles), fetched when a
   * visitor asks for a person. Our own cap, set to what is built (1.65 KB, with a Remove button on
   * each entry of "What you tried").
   */
  human: 1.7 * 1024,
  /**
   * Search through the server (src/widget/panel/remote-search.ts), fetched only for an articles
   * file that says `"search": "backend"`. Our own cap, set to what is built (0.74 KB, up from 0.65:
   * waiting as long as a 429's Retry-After says, then asking again, until the visitor moves on).
   */
  remote: 0.75 * 1024,
  /**
   * "Your conversations" (panel/history/: a verified visitor's earlier conversations, why a refused
   * identity token shows none, its words, its styles), fetched by the human view only when the page
   * gave an identity token and the site has a backend, with its largest language's words (a chunk
   * per language). Our own cap, set to what is built (2.59 KB): 0.2 KB more than before for
   * Show earlier conversations (the next page of a customer with more than 20, focus on the
   * first of it, a failure said beside the button that tries again).
   */
  history: 2.6 * 1024,
} as const;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export const gzipSize = (data: Uint8Array | string): number => gzipSync(data).length;

/** A language pack: dist/lifeline-lang-<language>.<hash>.js. */
export const isLanguagePack = (file: string): boolean => /^lifeline-lang-/.test(file);
/** The live chunk, dist/lifeline-LiveHuman.<hash>.js, and its language packs, lifeline-live-<language>. */
export const isLiveChunk = (file: string): boolean => /^lifeline-LiveHuman\./.test(file);
export const isLivePack = (file: string): boolean => /^lifeline-live-/.test(file);
/**
 * The search index builder, dist/lifeline-build-index.<hash>.js: fetched only for an articles file
 * without a prebuilt index (a hand-written JSON array); `lifeline index` files never need it.
 */
export const isBuilderChunk = (file: string): boolean => /^lifeline-build-index\./.test(file);
/** A search language (stop words, suffixes): dist/lifeline-search-<language>.<hash>.js, one fetched per page. */
export const isSearchPack = (file: string): boolean => /^lifeline-search-/.test(file);
/** The hours chunk, dist/lifeline-Availability.<hash>.js (src/widget/panel/hours/), and its words, lifeline-hours-<language> (src/hours/lang/). */
export const isHoursChunk = (file: string): boolean => /^lifeline-Availability\./.test(file);
export const isHoursPack = (file: string): boolean => /^lifeline-hours-/.test(file);
/** The rating chunk, dist/lifeline-Rating.<hash>.js (src/widget/panel/rating/), and its language packs, lifeline-rating-<language>. */
export const isRatingChunk = (file: string): boolean => /^lifeline-Rating\./.test(file);
export const isRatingPack = (file: string): boolean => /^lifeline-rating-/.test(file);

/** The e-mail offer of a waiting chat, dist/lifeline-Away.<hash>.js (src/widget/panel/live/Away.tsx), and its words, lifeline-away-<language>. */
export const isAwayChunk = (file: string): boolean => /^lifeline-Away\./.test(file);
export const isAwayPack = (file: string): boolean => /^lifeline-away-/.test(file);
/** Files in the chat, dist/lifeline-Attach.<hash>.js (src/widget/panel/live/Attach.tsx), and its words, lifeline-attach-<language>. */
export const isAttachChunk = (file: string): boolean => /^lifeline-Attach\./.test(file);
export const isAttachPack = (file: string): boolean => /^lifeline-attach-/.test(file);
/** The launcher's words of one language other than English, dist/lifeline-words-<lang>.<hash>.js (zh-Hant too): fetched with the loader. */
export const isLauncherWords = (file: string): boolean => /^lifeline-words-[a-zA-Z-]+\./.test(file);
/** Search through the server, dist/lifeline-remote-search.<hash>.js: only for a help centre the server searches. */
export const isRemoteChunk = (file: string): boolean => /^lifeline-remote-search\./.test(file);
/** A verified visitor's earlier conversations, dist/lifeline-History.<hash>.js (src/widget/panel/history/). */
export const isHistoryChunk = (file: string): boolean => /^lifeline-History\./.test(file);
export const isHistoryPack = (file: string): boolean => /^lifeline-history-/.test(file);
/** The human view, dist/lifeline-HumanView.<hash>.js (src/widget/panel/HumanView.tsx and its styles). */
export const isHumanChunk = (file: string): boolean => /^lifeline-HumanView\./.test(file);

/**
 * Every .js file in dist/ with its raw and gzip size, and the totals a visitor can load (the
 * search path follows the static imports: a pack's shared helper counts, a helper only lazy
 * chunks import does not):
 * `whole`, searching and reading (the loader, the panel, the largest language pack and the largest
 * search language) with a prebuilt articles file; `remote`, what searching through the server adds; `builder`, what an articles file without a
 * prebuilt index adds; `hours`, the hours chunk and its largest language's words; `rating`, the rating chunk and its largest
 * language pack; `human`, the human view's chunk; `withLive`, searching plus the human view, hours
 * and live chunks (a visitor who chats);
 * `all`, every file.
 */
export async function measureDist(
  distDir: string,
): Promise<{ files: FileSize[]; loader: FileSize; atLoad: number; live: number; hours: number; away: number; rating: number; attach: number; human: number; history: number; remote: number; whole: number; builder: number; withLive: number; all: number }> {
  const names = (await readdir(distDir)).filter((name) => name.endsWith('.js')).sort();
  const texts = new Map<string, Buffer>();
  const files = await Promise.all(
    names.map(async (file) => {
      const data = await readFile(`${distDir}/${file}`);
      texts.set(file, data);
      return { file, raw: data.length, gzip: gzipSize(data) };
    }),
  );
  const loader = files.find((f) => f.file === 'lifeline.js');
  if (!loader) throw new Error(`no lifeline.js in ${distDir}: run npm run build first`);
  const gzipOf = new Map(files.map((f) => [f.file, f.gzip]));
  const sum = (list: FileSize[]): number => list.reduce((total, f) => total + f.gzip, 0);
  /** A file and every file it imports statically (fetched with it), e.g. a pack's lifeline-plural. */
  const closure = (file: string, into = new Set<string>()): Set<string> => {
    if (into.has(file) || !texts.has(file)) return into;
    into.add(file);
    for (const m of texts.get(file)!.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) closure(m[1]!, into);
    return into;
  };
  const panel = files.find((f) => /^lifeline-panel\./.test(f.file));
  /** What the search path (the loader and the panel) already brought: never counted twice. */
  const searchPath = new Set(['lifeline.js', ...(panel ? closure(panel.file) : [])]);
  /** What a file (with what it imports) adds to the search path, e.g. a language pack and lifeline-plural. */
  const cost = (file: string): number => [...closure(file)].filter((f) => !searchPath.has(f)).reduce((total, f) => total + (gzipOf.get(f) ?? 0), 0);
  const largest = (is: (file: string) => boolean): number => Math.max(0, ...files.filter((f) => is(f.file)).map((f) => f.gzip));
  // The lazy chunks with their largest pack; the chunks they come after (the live chunk before
  // attach, say) are counted in their own budgets.
  const chunkWithPack = (isChunk: (file: string) => boolean, isPack: (file: string) => boolean = () => false): number =>
    sum(files.filter((f) => isChunk(f.file))) + largest(isPack);
  const live = chunkWithPack(isLiveChunk, isLivePack);
  const hours = chunkWithPack(isHoursChunk, isHoursPack);
  const away = chunkWithPack(isAwayChunk, isAwayPack);
  const human = chunkWithPack(isHumanChunk);
  const rating = chunkWithPack(isRatingChunk, isRatingPack);
  const attach = chunkWithPack(isAttachChunk, isAttachPack);
  const history = chunkWithPack(isHistoryChunk, isHistoryPack);
  const remote = chunkWithPack(isRemoteChunk);
  // A visitor reading another language than English fetches its launcher words with the loader.
  const largestWords = Math.max(0, ...files.filter((f) => isLauncherWords(f.file)).map((f) => f.gzip));
  const atLoad = loader.gzip + largestWords;
  const whole =
    [...searchPath].reduce((total, f) => total + (gzipOf.get(f) ?? 0), 0) +
    Math.max(0, ...files.filter((f) => isLanguagePack(f.file)).map((f) => cost(f.file))) +
    Math.max(0, ...files.filter((f) => isSearchPack(f.file)).map((f) => cost(f.file))) +
    largestWords;
  const builder = sum(files.filter((f) => isBuilderChunk(f.file)));
  return { files, loader, atLoad, live, hours, away, rating, attach, human, history, remote, whole, builder, withLive: whole + human + hours + live, all: sum(files) };
}
