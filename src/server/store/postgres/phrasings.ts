/**
 * The phrasings table for the PostgreSQL store, as plain rows: list, read, insert, count again,
 * delete, confirm or mark removed (the same operations as ../sqlite-phrasings.ts). What to
 * learn, what the cap drops and what may be confirmed are decided elsewhere.
 */
import type { LearnablePhrasing } from '../../phrasings';
import type { PhrasingPatch, PhrasingRecord } from '../types';
import { clean } from './rows';
import type { Queryable } from './store';
import { toPhrasing, type PhrasingRow } from '../rows';

const SELECT = 'SELECT p.*, h.ref AS handoff_ref FROM phrasings p LEFT JOIN handoffs h ON h.id = p.last_handoff_id';
// Most learned first; of equals, the most recently learned. Text sorts by bytes, as SQLite's.
const ORDER = 'ORDER BY p.article_id COLLATE "C", p.count DESC, p.last_learned_at DESC, p.id DESC';

/** Our ids are whole numbers; any other text names no phrasing. */
const rowId = (id: string): number | null => (/^\d{1,15}$/.test(id) ? Number(id) : null);

export async function listPhrasings(db: Queryable, articleId?: string, withRemoved = false): Promise<PhrasingRecord[]> {
  const where = [withRemoved ? null : 'p.removed_at IS NULL', articleId === undefined ? null : 'p.article_id = $1'].filter(Boolean);
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER}`;
  const { rows } = await db.query<PhrasingRow>(sql, articleId === undefined ? [] : [articleId]);
  return rows.map(toPhrasing);
}

export async function findPhrasing(db: Queryable, id: string): Promise<PhrasingRecord | null> {
  const n = rowId(id);
  if (n === null) return null;
  const { rows } = await db.query<PhrasingRow>(`${SELECT} WHERE p.id = $1`, [n]);
  return rows[0] ? toPhrasing(rows[0]) : null;
}

export async function insertPhrasing(db: Queryable, articleId: string, { text, key }: LearnablePhrasing, handoffId: string, at: string): Promise<string> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO phrasings (article_id, text, key, first_learned_at, last_learned_at, last_handoff_id)
     VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
    [clean(articleId), clean(text), clean(key), at, handoffId],
  );
  return String(rows[0]!.id);
}

export async function bumpPhrasing(db: Queryable, id: string, handoffId: string, at: string): Promise<void> {
  const n = rowId(id);
  if (n !== null) await db.query('UPDATE phrasings SET count = count + 1, last_learned_at = $1, last_handoff_id = $2 WHERE id = $3', [at, handoffId, n]);
}

export async function deletePhrasings(db: Queryable, ids: readonly string[]): Promise<void> {
  const numbers = ids.map(rowId).filter((n): n is number => n !== null);
  if (numbers.length > 0) await db.query('DELETE FROM phrasings WHERE id = ANY($1::bigint[])', [numbers]);
}

export async function updatePhrasing(db: Queryable, id: string, patch: PhrasingPatch): Promise<void> {
  const n = rowId(id);
  if (n === null) return;
  if ('confirmedAt' in patch) await db.query('UPDATE phrasings SET confirmed_at = $1, confirmed_by = $2 WHERE id = $3', [patch.confirmedAt, patch.confirmedBy, n]);
  else await db.query('UPDATE phrasings SET removed_at = $1, removed_by = $2 WHERE id = $3', [patch.removedAt, patch.removedBy, n]);
}
