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
  /**
   * The whole widget as a visitor's browser loads it to search and read: the loader, the panel,
   * one language pack and one search language (the largest count), with an articles file from
   * `lifeline index`. Issue 2 set 35 KB; issue 5's search (an inverted index loaded prebuilt,
   * per-language stems, the typo pre-filter around fuse.js, learned phrasings) made it 37.1 KB,
   * and fuse.js alone is 4.1 KB of it (README, Budgets, says why). Issue 12 moved it to 37.6 KB:
   * the loader reads an e-mailed reply's reopen link (#lifeline-reopen=...) and takes it out of
   * the address bar before the page's first transcript entry or any other script can read it
   * (58 B gzip, the least that can do it), and the budget had 41 B left. Issue 16 moved it to
   * 37.8 KB for the visitor's say over their data: data-consent="required" and
   * Lifeline('consent') in the loader (77 B net: the build dropped 29 B of unused Lightning CSS
   * variables to keep the loader under its 6 KB), the panel's storage waiting for consent and
   * its transcript joining storage once given, Lifeline('consent', false) clearing the widget's
   * keys, removing one entry of "What you tried", and its words in the four languages (0.2 KB).
   */
  whole: 37.8 * 1024,
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
   * transcript offer is the rating chunk's).
   */
  live: 10.6 * 1024,
  /**
   * The hours chunk (opening hours, availability, the callback slot picker), fetched when the
   * human view opens or the visitor opens the panel on a site with data-hours. Our own cap: 6 KB
   * until the one account of what is open (hours/channels.ts: a backend that cannot be reached
   * is not a closed one), the phone's hours beside its Call, and the checked phone number took
   * it to 6.6 KB.
   */
  hours: 7 * 1024,
  /**
   * The e-mail offer of a waiting chat and what a reopen link that failed says (Away.tsx, its
   * words in the four languages), fetched only then. Our own cap.
   */
  away: 3 * 1024,
  /**
   * The rating chunk ("How was this conversation?", issue 12) with its largest language pack,
   * fetched by the live chunk only once a chat has ended. Our own cap, so it cannot grow unnoticed.
   */
  rating: 2.5 * 1024,
  /**
   * Files in the chat (live/Attach.tsx: the composer's Attach a file, drop and paste, the
   * content check, thumbnails and the full-size view, downloads, its words in the four
   * languages), fetched by the chat view. Our own cap, so it cannot grow unnoticed.
   */
  attach: 4 * 1024,
  /**
   * The human view (phone, e-mail, what the visitor tried, the cards' styles), fetched when a
   * visitor asks for a person; issue 13 took it out of the panel to make room on the search path
   * for the site's own title and greeting, the header's words and the phone layout. Our own cap:
   * 1.5 KB until issue 16 moved it to 1.51 KB for a Remove button on each entry of "What you
   * tried", with focus kept in the list (0.33 KB).
   */
  human: 1.51 * 1024,
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

/** The e-mail offer of a waiting chat, dist/lifeline-Away.<hash>.js (src/widget/panel/live/Away.tsx). */
export const isAwayChunk = (file: string): boolean => /^lifeline-Away\./.test(file);
/** Files in the chat, dist/lifeline-Attach.<hash>.js (src/widget/panel/live/Attach.tsx). */
export const isAttachChunk = (file: string): boolean => /^lifeline-Attach\./.test(file);
/** The human view, dist/lifeline-HumanView.<hash>.js (src/widget/panel/HumanView.tsx and its styles). */
export const isHumanChunk = (file: string): boolean => /^lifeline-HumanView\./.test(file);

/**
 * Every .js file in dist/ with its raw and gzip size, and the totals a visitor can load:
 * `whole`, searching and reading (the loader, the panel, the largest language pack and the largest
 * search language) with a prebuilt articles file; `builder`, what an articles file without a
 * prebuilt index adds; `hours`, the hours chunk; `rating`, the rating chunk and its largest
 * language pack; `human`, the human view's chunk; `withLive`, searching plus the human view, hours
 * and live chunks (a visitor who chats);
 * `all`, every file.
 */
export async function measureDist(
  distDir: string,
): Promise<{ files: FileSize[]; loader: FileSize; live: number; hours: number; away: number; rating: number; attach: number; human: number; whole: number; builder: number; withLive: number; all: number }> {
  const names = (await readdir(distDir)).filter((name) => name.endsWith('.js')).sort();
  const files = await Promise.all(
    names.map(async (file) => {
      const data = await readFile(`${distDir}/${file}`);
      return { file, raw: data.length, gzip: gzipSize(data) };
    }),
  );
  const loader = files.find((f) => f.file === 'lifeline.js');
  if (!loader) throw new Error(`no lifeline.js in ${distDir}: run npm run build first`);
  const sum = (list: FileSize[]): number => list.reduce((total, f) => total + f.gzip, 0);
  const packs = files.filter((f) => isLanguagePack(f.file));
  const largestPack = Math.max(0, ...packs.map((f) => f.gzip));
  const largestLivePack = Math.max(0, ...files.filter((f) => isLivePack(f.file)).map((f) => f.gzip));
  const live = sum(files.filter((f) => isLiveChunk(f.file))) + largestLivePack;
  const largestSearchPack = Math.max(0, ...files.filter((f) => isSearchPack(f.file)).map((f) => f.gzip));
  const hours = sum(files.filter((f) => isHoursChunk(f.file)));
  const away = sum(files.filter((f) => isAwayChunk(f.file)));
  const human = sum(files.filter((f) => isHumanChunk(f.file)));
  const rating = sum(files.filter((f) => isRatingChunk(f.file))) + Math.max(0, ...files.filter((f) => isRatingPack(f.file)).map((f) => f.gzip));
  const attach = sum(files.filter((f) => isAttachChunk(f.file)));
  const lazy = [isLanguagePack, isSearchPack, isBuilderChunk, isLiveChunk, isLivePack, isHoursChunk, isAwayChunk, isRatingChunk, isRatingPack, isAttachChunk, isHumanChunk];
  const searching = (f: FileSize): boolean => !lazy.some((is) => is(f.file));
  const whole = sum(files.filter(searching)) + largestPack + largestSearchPack;
  const builder = sum(files.filter((f) => isBuilderChunk(f.file)));
  return { files, loader, live, hours, away, rating, attach, human, whole, builder, withLive: whole + human + hours + live, all: sum(files) };
}
