/**
 * The phrasings table (migrations 4 and 5) for the SQLite store, as plain rows: list, read,
 * insert, count again, delete, confirm or mark removed. Kept apart from sqlite.ts, which calls
 * it. What to learn, what the cap drops and what may be confirmed are decided elsewhere
 * (../phrasings.ts, ../handoff/learning.ts); this only stores it.
 */
import type Database from 'better-sqlite3';
import type { LearnablePhrasing } from '../phrasings';
import type { PhrasingPatch, PhrasingRecord } from './types';
import { toPhrasing, type PhrasingRow } from './rows';

const SELECT = 'SELECT p.*, h.ref AS handoff_ref FROM phrasings p LEFT JOIN handoffs h ON h.id = p.last_handoff_id';
// Most learned first; of equals, the most recently learned.
const ORDER = 'ORDER BY p.article_id, p.count DESC, p.last_learned_at DESC, p.id DESC';

export interface SqlitePhrasings {
  list(articleId?: string, withRemoved?: boolean): PhrasingRecord[];
  byId(id: string): PhrasingRecord | null;
  insert(articleId: string, phrasing: LearnablePhrasing, handoffId: string, at: string): string;
  bump(id: string, handoffId: string, at: string): void;
  delete(ids: readonly string[]): void;
  update(id: string, patch: PhrasingPatch): void;
}

/** Our ids are whole numbers; any other text names no phrasing. */
const rowId = (id: string): number | null => (/^\d{1,15}$/.test(id) ? Number(id) : null);

export function sqlitePhrasings(db: Database.Database): SqlitePhrasings {
  const q = {
    byId: db.prepare<[number], PhrasingRow>(`${SELECT} WHERE p.id = ?`),
    insert: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO phrasings (article_id, text, key, first_learned_at, last_learned_at, last_handoff_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    bump: db.prepare<[string, string, number]>(
      'UPDATE phrasings SET count = count + 1, last_learned_at = ?, last_handoff_id = ? WHERE id = ?',
    ),
    delete: db.prepare<[number]>('DELETE FROM phrasings WHERE id = ?'),
    listAll: db.prepare<[], PhrasingRow>(`${SELECT} WHERE p.removed_at IS NULL ${ORDER}`),
    listOne: db.prepare<[string], PhrasingRow>(`${SELECT} WHERE p.removed_at IS NULL AND p.article_id = ? ${ORDER}`),
    everyAll: db.prepare<[], PhrasingRow>(`${SELECT} ${ORDER}`),
    everyOne: db.prepare<[string], PhrasingRow>(`${SELECT} WHERE p.article_id = ? ${ORDER}`),
    confirm: db.prepare<[string, string, number]>('UPDATE phrasings SET confirmed_at = ?, confirmed_by = ? WHERE id = ?'),
    remove: db.prepare<[string, string, number]>('UPDATE phrasings SET removed_at = ?, removed_by = ? WHERE id = ?'),
  };

  return {
    list(articleId, withRemoved = false) {
      const rows = withRemoved
        ? articleId === undefined ? q.everyAll.all() : q.everyOne.all(articleId)
        : articleId === undefined ? q.listAll.all() : q.listOne.all(articleId);
      return rows.map(toPhrasing);
    },

    byId(id) {
      const n = rowId(id);
      const row = n === null ? undefined : q.byId.get(n);
      return row ? toPhrasing(row) : null;
    },

    insert(articleId, { text, key }, handoffId, at) {
      return String(q.insert.run(articleId, text, key, at, at, handoffId).lastInsertRowid);
    },

    bump(id, handoffId, at) {
      const n = rowId(id);
      if (n !== null) q.bump.run(at, handoffId, n);
    },

    delete(ids) {
      for (const id of ids) {
        const n = rowId(id);
        if (n !== null) q.delete.run(n);
      }
    },

    update(id, patch) {
      const n = rowId(id);
      if (n === null) return;
      if ('confirmedAt' in patch) q.confirm.run(patch.confirmedAt, patch.confirmedBy, n);
      else q.remove.run(patch.removedAt, patch.removedBy, n);
    },
  };
}
