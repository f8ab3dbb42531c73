/**
 * The widget's size budgets (DEVELOPERS.md, issue 2), measured on the built files. Sizes are
 * gzip at zlib's default level, as a web server sends them; 1 KB = 1,024 bytes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** dist/lifeline.js, the file site owners paste. */
  loader: 6 * 1024,
  /** Every script the page fetches by its load event (the loader and, for a language other than English, its launcher words; before any intent). */
  atLoad: 8 * 1024,
  /**
   * The whole widget as a visitor's browser loads it to search and read: the loader, the panel,
   * one language pack and one search language (the largest count), with an articles file from
   * `lifeline index`. Issue 2 set 35 KB; issue 5's search (an inverted index loaded prebuilt,
   * per-language stems, the typo pre-filter around fuse.js, learned phrasings) made it 37.1 KB,
   * and fuse.js alone is 4.1 KB of it (README, Budgets, says why). Issue 12 moved it to 37.6 KB:
   * the loader reads an e-mailed reply's reopen link (#lifeline-reopen=...) and takes it out of
   * the address bar before the page's first transcript entry or any other script can read it
   * (58 B gzip, the least that can do it), and the budget had 41 B left. Issue 14 moved it to
   * 38.25 KB for twelve languages: the panel's map of twelve packs and the hook that lays a
   * site's own words over a pack (0.09 KB), the plural helper the packs share (Intl.PluralRules,
   * 0.13 KB), a non-English visitor's launcher words, fetched with the loader (0.12 KB), the loader
   * reading the site's launcher words (0.07 KB); and for search in twelve languages: the largest
   * search language is now the Japanese and Chinese one (Intl.Segmenter's words, pairs of
   * characters, their stop words: 1.07 KB, +0.25 KB over English's), the largest language pack
   * Japanese (three bytes a character: 1.07 KB), the panel's import map of twelve search tables,
   * marks and full-width letters folded, the hooks a language's own stemmer and segmenter plug into
   * (Arabic's and Hebrew's stemmers stay in their chunks); for right to left: Arabic packs take
   * about twice the bytes of French, the loader sets the language's direction, and the panel
   * isolates titles and names, lets paragraphs and inputs take their own direction and flips the
   * back chevron (about 0.2 KB). Issue 15: a help centre
   * too large to download is searched through the server (the panel's side: the request once
   * typing pauses, dropping a stale answer, searching the file's own popular articles with a note
   * when the server cannot be reached, fetching an article the server found when it is opened:
   * +0.28 KB; the requests themselves are the remote-search chunk, fetched only then) and that
   * note's words in the largest language pack (Japanese: +0.09 KB).
   * Issue 15 also replaced fuse.js by typos measured as an edit budget against the index's words
   * (vocabulary.ts), which freed about 3 KB. Issue 16: the visitor's say over their data: data-consent="required" and
   * Lifeline('consent') in the loader (77 B net: the build dropped 29 B of unused Lightning CSS
   * variables to keep the loader under its 6 KB), the panel's storage waiting for consent and
   * its transcript joining storage once given, Lifeline('consent', false) clearing the widget's
   * keys, removing one entry of "What you tried", and its words in the four languages (0.2 KB).
   */
  whole: 39.5 * 1024,
  /**
   * The live chunk (chat, callback, phone reference) with its largest language pack, fetched only
   * when a visitor asks for a person on a site with a backend. Our own cap, so it cannot grow
   * unnoticed: 8 KB until issue 12 moved it to 8.1 KB for the conversation outliving the tab
   * (carrying on a conversation a reopen link opens, the address the visitor gave, fetching the
   * away chunk when a chat waits: 0.26 KB; the e-mail offer itself is the away chunk), then to
   * 8.25 KB for End chat and the few lines that fetch the rating chunk (0.15 KB; the rating
   * itself is a chunk of its own, below); issue 13 moved it to 10.6 KB: the cards of articles
   * sent in the chat (the card that opens one in the panel, telling the agent it was read from
   * the outbox so a lost connection never loses it, its words in the four languages: 0.27 KB;
   * the card reuses the channel buttons' style rather than bring its own), files in the chat
   * (a file waits in the outbox and is retried like a message, stored once: the upload call, the
   * files kept by clientMessageId, their state in the conversation, the few lines that fetch the
   * attach chunk: 0.44 KB; the button, drop, paste and thumbnails are the attach chunk, below),
   * and the conversation view (1.6 KB: messages grouped by sender with the time and the agent's
   * initials, the composer docked and growing with its text, "Seen", keeping the place through
   * resizes with a jump to the latest, End chat's confirmation, their CSS and words; the
   * transcript offer is the rating chunk's). Issue 14 moved it to 11.2 KB (measured 11.15 KB):
   * twelve languages in its map of packs, the largest pack (Japanese, three bytes a character), and a refusal of the backend
   * said in the visitor's words from its code rather than the server's English (live/problems.ts
   * and five sentences in each pack: 0.4 KB).
   */
  live: 11.5 * 1024,
  /**
   * The hours chunk (opening hours, availability, the callback slot picker), fetched when the
   * human view opens or the visitor opens the panel on a site with data-hours. Our own cap: 6 KB
   * until the one account of what is open (hours/channels.ts: a backend that cannot be reached
   * is not a closed one), the phone's hours beside its Call, and the checked phone number took
   * it to 6.6 KB. Issue 14 moved it to 7.3 KB (measured 7.26 KB): the hours words of four more
   * languages inline (they are few; ar, he, ja and zh will add about as much again), the site's
   * own hours words (hours.open...) laid over them, and the page's lang asked for the locale.
   */
  hours: 7.5 * 1024,
  /**
   * The e-mail offer of a waiting chat and what a reopen link that failed says (Away.tsx) with its
   * largest language's words (a chunk per language since issue 14), fetched only then. Our own cap.
   */
  away: 3 * 1024,
  /**
   * The rating chunk ("How was this conversation?", issue 12) with its largest language pack,
   * fetched by the live chunk only once a chat has ended. Our own cap, so it cannot grow unnoticed.
   */
  rating: 2.5 * 1024,
  /**
   * Files in the chat (live/Attach.tsx: the composer's Attach a file, drop and paste, the
   * content check, thumbnails and the full-size view, downloads) with its largest language's words
   * (a chunk per language since issue 14), fetched by the chat view. Our own cap, so it cannot grow unnoticed.
   */
  attach: 4 * 1024,
  /**
   * The human view (phone, e-mail, what the visitor tried, the cards' styles), fetched when a
   * visitor asks for a person; issue 13 took it out of the panel to make room on the search path
   * for the site's own title and greeting, the header's words and the phone layout. Our own cap:
   * 1.5 KB until issue 16 moved it to 1.51 KB for a Remove button on each entry of "What you
   * tried", with focus kept in the list (0.33 KB).
   */
  human: 1.7 * 1024,
  /**
   * Search through the server (src/widget/panel/remote-search.ts), fetched only for an articles
   * file that says `"search": "backend"` (a help centre too large to download). Our own cap.
   */
  remote: 1024,
  /**
   * "Your conversations" (panel/history/: a verified visitor's earlier conversations, the
   * messages who said what and when, why a refused identity token shows none, its words in the
   * four languages, its styles), fetched by the human view only when the page gave an identity
   * token and the site has a backend. Our own cap (issue 16), so it cannot grow unnoticed.
   */
  history: 3 * 1024,
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
/** The hours chunk, dist/lifeline-Availability.<hash>.js (src/widget/panel/hours/). */
export const isHoursChunk = (file: string): boolean => /^lifeline-Availability\./.test(file);
/** The rating chunk, dist/lifeline-Rating.<hash>.js (src/widget/panel/rating/), and its language packs, lifeline-rating-<language>. */
export const isRatingChunk = (file: string): boolean => /^lifeline-Rating\./.test(file);
export const isRatingPack = (file: string): boolean => /^lifeline-rating-/.test(file);

/** The e-mail offer of a waiting chat, dist/lifeline-Away.<hash>.js (src/widget/panel/live/Away.tsx), and its words, lifeline-away-<language>. */
export const isAwayChunk = (file: string): boolean => /^lifeline-Away\./.test(file);
export const isAwayPack = (file: string): boolean => /^lifeline-away-/.test(file);
/** Files in the chat, dist/lifeline-Attach.<hash>.js (src/widget/panel/live/Attach.tsx), and its words, lifeline-attach-<language>. */
export const isAttachChunk = (file: string): boolean => /^lifeline-Attach\./.test(file);
export const isAttachPack = (file: string): boolean => /^lifeline-attach-/.test(file);
/** The launcher's words of one language other than English, dist/lifeline-words-<lang>.<hash>.js: fetched with the loader. */
export const isLauncherWords = (file: string): boolean => /^lifeline-words-[a-z]+\./.test(file);
/** Search through the server, dist/lifeline-remote-search.<hash>.js: only for a help centre the server searches. */
export const isRemoteChunk = (file: string): boolean => /^lifeline-remote-search\./.test(file);
/** A verified visitor's earlier conversations, dist/lifeline-History.<hash>.js (src/widget/panel/history/). */
export const isHistoryChunk = (file: string): boolean => /^lifeline-History\./.test(file);
/** The human view, dist/lifeline-HumanView.<hash>.js (src/widget/panel/HumanView.tsx and its styles). */
export const isHumanChunk = (file: string): boolean => /^lifeline-HumanView\./.test(file);

/**
 * Every .js file in dist/ with its raw and gzip size, and the totals a visitor can load (the
 * search path follows the static imports: a pack's shared helper counts, a helper only lazy
 * chunks import does not):
 * `whole`, searching and reading (the loader, the panel, the largest language pack and the largest
 * search language) with a prebuilt articles file; `remote`, what searching through the server adds; `builder`, what an articles file without a
 * prebuilt index adds; `hours`, the hours chunk; `rating`, the rating chunk and its largest
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
  const hours = chunkWithPack(isHoursChunk);
  const away = chunkWithPack(isAwayChunk, isAwayPack);
  const human = chunkWithPack(isHumanChunk);
  const rating = chunkWithPack(isRatingChunk, isRatingPack);
  const attach = chunkWithPack(isAttachChunk, isAttachPack);
  const history = chunkWithPack(isHistoryChunk);
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
