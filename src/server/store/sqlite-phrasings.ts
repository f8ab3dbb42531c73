/**
 * The phrasings table (migrations 4 and 5) for the SQLite store: learning inside the resolve's
 * transaction, listing, confirming, and removal as a tombstone. Kept apart from sqlite.ts, which
 * calls it. What to learn is decided before (../phrasings.ts); this only stores it.
 */
import type Database from 'better-sqlite3';
import { HANDOFFS_TO_SERVE, isServed, type LearnablePhrasing } from '../phrasings';
import type { PhrasingRecord } from './types';

interface PhrasingRow {
  id: number;
  article_id: string;
  text: string;
  key: string;
  count: number;
  first_learned_at: string;
  last_learned_at: string;
  last_handoff_id: string | null;
  handoff_ref: string | null;
  removed_at: string | null;
  removed_by: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
}

const toPhrasing = (r: PhrasingRow): PhrasingRecord => ({
  id: String(r.id),
  articleId: r.article_id,
  text: r.text,
  key: r.key,
  count: r.count,
  firstLearnedAt: r.first_learned_at,
  lastLearnedAt: r.last_learned_at,
  handoffId: r.last_handoff_id,
  handoffRef: r.handoff_ref,
  removedAt: r.removed_at,
  removedBy: r.removed_by,
  confirmedAt: r.confirmed_at,
  confirmedBy: r.confirmed_by,
});

const SELECT = 'SELECT p.*, h.ref AS handoff_ref FROM phrasings p LEFT JOIN handoffs h ON h.id = p.last_handoff_id';
// Most learned first; of equals, the most recently learned.
const ORDER = 'ORDER BY p.article_id, p.count DESC, p.last_learned_at DESC, p.id DESC';

export interface SqlitePhrasings {
  /** Learns `learn` for `articleId`; call inside a write transaction. How many are live, and served, after. */
  learn(articleId: string, handoffId: string, learn: readonly LearnablePhrasing[], at: string, perArticle: number): { learned: number; served: number };
  list(articleId?: string, withRemoved?: boolean): PhrasingRecord[];
  remove(id: string, agentId: string, at: string): PhrasingRecord | null;
  confirm(id: string, agentId: string, at: string): PhrasingRecord | null;
}

export function sqlitePhrasings(db: Database.Database): SqlitePhrasings {
  const q = {
    byId: db.prepare<[number], PhrasingRow>(`${SELECT} WHERE p.id = ?`),
    byKey: db.prepare<[string, string], PhrasingRow>(`${SELECT} WHERE p.article_id = ? AND p.key = ?`),
    insert: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO phrasings (article_id, text, key, first_learned_at, last_learned_at, last_handoff_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    bump: db.prepare<[string, string, number]>(
      'UPDATE phrasings SET count = count + 1, last_learned_at = ?, last_handoff_id = ? WHERE id = ?',
    ),
    // Beyond the cap, pending ones go first, then the least recently learned (of equals, the
    // least learned, then the oldest): a served phrasing is worth more than one waiting.
    evict: db.prepare<[string, number, number]>(
      `DELETE FROM phrasings WHERE id IN (
         SELECT id FROM phrasings WHERE article_id = ? AND removed_at IS NULL
          ORDER BY (count >= ? OR confirmed_at IS NOT NULL) DESC, last_learned_at DESC, count DESC, id DESC LIMIT -1 OFFSET ?)`,
    ),
    listAll: db.prepare<[], PhrasingRow>(`${SELECT} WHERE p.removed_at IS NULL ${ORDER}`),
    listOne: db.prepare<[string], PhrasingRow>(`${SELECT} WHERE p.removed_at IS NULL AND p.article_id = ? ${ORDER}`),
    everyAll: db.prepare<[], PhrasingRow>(`${SELECT} ${ORDER}`),
    everyOne: db.prepare<[string], PhrasingRow>(`${SELECT} WHERE p.article_id = ? ${ORDER}`),
    confirm: db.prepare<[string, string, number]>(
      'UPDATE phrasings SET confirmed_at = ?, confirmed_by = ? WHERE id = ? AND removed_at IS NULL AND confirmed_at IS NULL',
    ),
    remove: db.prepare<[string, string, number]>('UPDATE phrasings SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL'),
  };

  return {
    learn(articleId, handoffId, learn, at, perArticle) {
      if (perArticle <= 0 || learn.length === 0) return { learned: 0, served: 0 };
      const touched: number[] = [];
      for (const { text, key } of learn) {
        const known = q.byKey.get(articleId, key);
        if (!known) {
          touched.push(Number(q.insert.run(articleId, text, key, at, at, handoffId).lastInsertRowid));
        } else if (known.removed_at === null && known.last_handoff_id !== handoffId) {
          // The handoff check keeps one handoff from counting twice, whatever calls this.
          q.bump.run(at, handoffId, known.id);
          touched.push(known.id);
        }
      }
      if (touched.length === 0) return { learned: 0, served: 0 };
      q.evict.run(articleId, HANDOFFS_TO_SERVE, perArticle);
      const live = touched.flatMap((id) => {
        const row = q.byId.get(id);
        return row ? [toPhrasing(row)] : [];
      });
      return { learned: live.length, served: live.filter(isServed).length };
    },

    list(articleId, withRemoved = false) {
      const rows = withRemoved
        ? articleId === undefined ? q.everyAll.all() : q.everyOne.all(articleId)
        : articleId === undefined ? q.listAll.all() : q.listOne.all(articleId);
      return rows.map(toPhrasing);
    },

    remove(id, agentId, at) {
      if (!/^\d{1,15}$/.test(id)) return null; // not one of ours: our ids are whole numbers
      return db.transaction(() => {
        const row = q.byId.get(Number(id));
        if (!row) return null;
        q.remove.run(at, agentId, row.id);
        return toPhrasing(q.byId.get(row.id)!);
      }).immediate();
    },

    confirm(id, agentId, at) {
      if (!/^\d{1,15}$/.test(id)) return null;
      return db.transaction(() => {
        const row = q.byId.get(Number(id));
        if (!row) return null;
        q.confirm.run(at, agentId, row.id);
        return toPhrasing(q.byId.get(row.id)!);
      }).immediate();
    },
  };
}
