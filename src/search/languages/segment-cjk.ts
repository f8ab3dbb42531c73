/**
 * Words in Japanese and Chinese, which are written without spaces: what Intl.Segmenter finds (its
 * dictionary knows the words), in the browser and in `lifeline index` alike, so
 * "注文はどこですか" is 注文 / は / どこ / です / か and "我的订单在哪里" is 我的 / 订单 / 在 / 哪里.
 *
 * Then:
 * - stop words go, and in Japanese every word of hiragana alone (particles and endings: は,
 *   です, ました): the table's `grammar`;
 * - a word's trailing hiragana goes (its `tail`): 届き, 届かない and 届けます meet at 届;
 * - the segmenter is not always consistent: it reads 退货 as one word in one sentence and as
 *   退 / 货 in another. So single characters that touch are joined in pairs (退货), and a run of
 *   four or more ideographs it kept whole (配送状況) is read as its pairs (配送, 送状, 状況), so it
 *   meets 配送 and 状況 written apart.
 * Without a segmenter (a browser older than 2021), every run of ideographs and kana is read
 * character by character, joined in pairs the same way: coarser, but a question still finds
 * the articles that share its words.
 *
 * A one-character word is never a typo of another (vocabulary.ts leaves CJK words alone).
 */
import type { Language } from '../language';
import type { Token } from '../text';

export interface CjkRules {
  /** A word made only of grammar, dropped like a stop word (Japanese: hiragana alone). */
  grammar?: RegExp;
  /** The end of a word that goes, the rest being its stem (Japanese: hiragana after an ideograph). */
  tail?: RegExp;
}

type Segment = { segment: string; index: number; isWordLike?: boolean };
/** Intl.Segmenter's shape, typed here: the ES2022 library this project compiles against lacks it. */
type Segmenter = { segment(text: string): Iterable<Segment> };
type SegmenterClass = new (lang: string, options: { granularity: 'word' }) => Segmenter;

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]/u;
const HAN_RUN = /^\p{sc=Han}{4,}$/u;
const MARK = /\p{M}/u;
const segmenters = new Map<string, Segmenter | null>();

function segmenterFor(lang: string): Segmenter | null {
  if (!segmenters.has(lang)) {
    const Segmenter = (Intl as unknown as { Segmenter?: SegmenterClass }).Segmenter;
    segmenters.set(lang, Segmenter ? new Segmenter(lang, { granularity: 'word' }) : null);
  }
  return segmenters.get(lang)!;
}

/** Without Intl.Segmenter: each CJK character a segment, the rest in runs. */
function* byCharacter(text: string): Iterable<Segment> {
  for (const m of text.matchAll(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+/gu)) {
    yield { segment: m[0], index: m.index, isWordLike: true };
  }
}

/** A table's `segment` (language.ts), for the given rules. */
export function segmentCjk(rules: CjkRules) {
  return (folded: string, language: Language, tokens: Token[], words: (part: string, offset: number) => void): void => {
    const segmenter = segmenterFor(language.code);
    // Single characters waiting to be joined with the next one that touches them.
    let singles: Token[] = [];
    const flush = (): void => {
      if (singles.length === 1) tokens.push(singles[0]!);
      for (let i = 0; i + 1 < singles.length; i++) {
        tokens.push({ term: singles[i]!.term + singles[i + 1]!.term, start: singles[i]!.start, end: singles[i + 1]!.end });
      }
      singles = [];
    };
    let lastEnd = -1;
    for (const { segment, index, isWordLike } of segmenter ? segmenter.segment(folded) : byCharacter(folded)) {
      if (!isWordLike) continue;
      const end = index + segment.length - 1;
      if (!CJK.test(segment)) {
        // Latin words and numbers inside Japanese or Chinese: read as words.
        flush();
        words(segment, index);
        continue;
      }
      if (index !== lastEnd + 1) flush(); // only characters that touch are joined
      // Grammar first: half of a Japanese text's words, dropped before any other work.
      if (rules.grammar?.test(segment) || language.stopWords.has(segment)) {
        flush();
        continue;
      }
      const word = MARK.test(segment) ? segment.replace(/\p{M}/gu, '') : segment;
      const stemmed = (rules.tail && word.replace(rules.tail, '$1')) || word;
      if (stemmed !== segment && language.stopWords.has(stemmed)) {
        flush();
        continue;
      }
      lastEnd = end;
      if (stemmed.length === 1) {
        singles.push({ term: stemmed, start: index, end });
        continue;
      }
      flush();
      if (HAN_RUN.test(stemmed)) {
        for (let i = 0; i + 1 < stemmed.length; i++) tokens.push({ term: stemmed.slice(i, i + 2), start: index + i, end: index + i + 1 });
      } else {
        tokens.push({ term: stemmed, start: index, end });
      }
    }
    flush();
  };
}
