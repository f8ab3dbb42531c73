/**
 * The prebuilt form of a search index, as `lifeline index` writes it into the articles file:
 * the vocabulary and, per word, the articles (delta-coded) with their weights ×1000, plus the
 * learned phrasings as text. Loading it (loadSearchIndex in index.ts) skips reading every
 * article. Node-side only; the widget only loads.
 */
import { INDEX_VERSION, type SearchIndex, type SerializedIndex } from './index';

export function serializeIndex(index: SearchIndex): SerializedIndex {
  const core = index.internals;
  const terms: string[] = [];
  const postings: number[][] = [];
  for (const [term, list] of core.postings) {
    terms.push(term);
    const flat: number[] = [];
    let last = 0;
    list.docs.forEach((doc, k) => {
      flat.push(doc - last, Math.round(list.weights[k]! * 1000));
      last = doc;
    });
    postings.push(flat);
  }
  return { version: INDEX_VERSION, lang: core.lang, fingerprint: core.fingerprint, terms, postings, phrasings: [...index.phrasings] };
}
