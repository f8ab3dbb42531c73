/**
 * What resolving with an article does to its phrasings, pure: which of the searches to learn
 * are new, which known ones are counted again, which live ones the cap drops, and what the
 * agent is told afterwards. What to learn at all is decided before, by ../phrasings.ts.
 */
import { HANDOFFS_TO_SERVE, isServed, type LearnablePhrasing } from '../phrasings';
import type { PhrasingRecord } from '../store/types';

export interface LearnPlan {
  /** New phrasings of the article. */
  insert: LearnablePhrasing[];
  /** Ids of known live phrasings this handoff teaches again. */
  bump: string[];
}

/**
 * The plan for `learn` given the article's phrasings (removed ones included): a new search is
 * added, a known one counted again once per handoff, a removed one left alone. Nothing when
 * the cap is 0.
 */
export function planLearning(existing: readonly PhrasingRecord[], learn: readonly LearnablePhrasing[], handoffId: string, perArticle: number): LearnPlan {
  if (perArticle <= 0) return { insert: [], bump: [] };
  const byKey = new Map(existing.map((p) => [p.key, p]));
  const insert: LearnablePhrasing[] = [];
  const bump: string[] = [];
  const seen = new Set<string>();
  for (const phrasing of learn) {
    if (seen.has(phrasing.key)) continue;
    seen.add(phrasing.key);
    const known = byKey.get(phrasing.key);
    if (!known) insert.push(phrasing);
    // The handoff check keeps one handoff from counting twice, whatever calls this.
    else if (known.removedAt === null && known.handoffId !== handoffId) bump.push(known.id);
  }
  return { insert, bump };
}

/** ISO times compare as text, byte by byte (as the database orders them). */
const textOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most worth keeping first: served (or confirmed) ones, then the most recently learned, the most learned, the newest. */
function keepOrder(a: PhrasingRecord, b: PhrasingRecord): number {
  const worth = (p: PhrasingRecord) => (p.count >= HANDOFFS_TO_SERVE || p.confirmedAt !== null ? 1 : 0);
  return (
    worth(b) - worth(a) ||
    textOrder(b.lastLearnedAt, a.lastLearnedAt) ||
    b.count - a.count ||
    Number(b.id) - Number(a.id)
  );
}

/**
 * Beyond `perArticle` live phrasings of an article, the ones dropped: pending ones first, then
 * the least recently learned (they may be learned again later).
 */
export function phrasingsBeyondCap(live: readonly PhrasingRecord[], perArticle: number): string[] {
  const alive = live.filter((p) => p.removedAt === null);
  if (alive.length <= perArticle) return [];
  return [...alive].sort(keepOrder).slice(Math.max(perArticle, 0)).map((p) => p.id);
}

/** What the agent is told: how many of the touched phrasings are live after the cap, and how many of those are served. */
export function learnedTally(after: readonly PhrasingRecord[], touched: readonly string[]): { learned: number; served: number } {
  const byId = new Map(after.map((p) => [p.id, p]));
  const live = touched.flatMap((id) => {
    const p = byId.get(id);
    return p && p.removedAt === null ? [p] : [];
  });
  return { learned: live.length, served: live.filter(isServed).length };
}

/** An agent vouches for a phrasing: served from now on. A removed or already confirmed one is left as it is (null). */
export function confirmPatch(p: PhrasingRecord, agentId: string, at: string): { confirmedAt: string; confirmedBy: string } | null {
  return p.removedAt === null && p.confirmedAt === null ? { confirmedAt: at, confirmedBy: agentId } : null;
}

/** An agent removes a phrasing for good (a tombstone); removing it again changes nothing (null). */
export function removePatch(p: PhrasingRecord, agentId: string, at: string): { removedAt: string; removedBy: string } | null {
  return p.removedAt === null ? { removedAt: at, removedBy: agentId } : null;
}
