/**
 * `lifeline visitor export <email|id> [--files <folder>]` and `lifeline visitor delete
 * <email|id> [--yes]`: everything kept about one visitor, as JSON, and its erasure, on the
 * database of LIFELINE_DB (or --db). The rules are the server's (../server/erasure/).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSetting } from '../server/config';
import { deleteVisitor, exportVisitor } from '../server/erasure/visitor';
import type { Store } from '../server/store/types';
import { visitorKeyOf, type ErasureCounts, type VisitorExport, type VisitorKey } from '../protocol/visitor-data';
import { openFor, UsageError } from './agent';

/** The store, when the database is there: opening a missing file would make an empty one. */
async function openExisting(database: DatabaseSetting): Promise<Store> {
  if (database.engine === 'sqlite' && !existsSync(database.path)) throw new UsageError(`${database.path}: no such database (set --db or LIFELINE_DB)`);
  return (await openFor(database)).store;
}

export function keyFrom(text: string | undefined): VisitorKey {
  if (text === undefined || text.trim() === '') throw new UsageError('expected the visitor’s e-mail address or id');
  return visitorKeyOf(text);
}

/** A file name of our own: the attachment's id and its name with nothing that could leave the folder. */
const fileName = (id: string, name: string): string => `${id}-${name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_')}`;

export async function visitorExport(database: DatabaseSetting, key: VisitorKey, files?: string): Promise<VisitorExport> {
  const store = await openExisting(database);
  try {
    const exported = await exportVisitor(store, key, Date.now());
    if (files !== undefined) {
      await mkdir(files, { recursive: true });
      for (const h of exported.handoffs) {
        for (const m of h.messages) {
          for (const a of m.attachments ?? []) {
            const stored = await store.findAttachment(h.id, a.id);
            if (!stored) continue; // deleted meanwhile
            a.file = join(files, fileName(a.id, a.name));
            await writeFile(a.file, stored.bytes);
          }
        }
      }
    }
    return exported;
  } finally {
    await store.close();
  }
}

/** "2 handoffs, 5 messages, 1 attachment...": what an erasure removed, in words. */
export function countsLine(c: ErasureCounts): string {
  const say = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return [
    say(c.handoffs, 'handoff'),
    say(c.messages, 'message'),
    say(c.attachments, 'attachment'),
    say(c.events, 'event'),
    say(c.ratings, 'rating'),
    say(c.callbackSteps, 'callback step'),
    say(c.jobs, 'queued or sent delivery', 'queued or sent deliveries'),
    say(c.phrasings, 'learned phrasing'),
  ].join(', ');
}

export interface DeleteIo {
  /** Asks the question; the answer typed. */
  ask(question: string): Promise<string>;
  say(line: string): void;
}

/** Shows what will go, asks (unless `yes`), deletes, says what went. Exit code: 0 deleted (or nothing to), 1 not deleted. */
export async function visitorDelete(database: DatabaseSetting, key: VisitorKey, yes: boolean, io: DeleteIo): Promise<number> {
  const store = await openExisting(database);
  try {
    const who = 'email' in key ? key.email : 'id' in key ? key.id : key.handoffId;
    const found = await exportVisitor(store, key, Date.now());
    if (found.handoffs.length === 0 && found.deliveries.length === 0) {
      io.say(`Nothing is kept about ${who}.`);
      return 0;
    }
    io.say(`${who}: ${found.handoffs.length} handoff${found.handoffs.length === 1 ? '' : 's'} (${found.handoffs.map((h) => `#${h.ref} ${h.createdAt.slice(0, 10)}`).join(', ')}), ${found.deliveries.length} deliveries, ${found.phrasings.length} learned phrasings.`);
    if (!yes) {
      const answer = (await io.ask(`Delete everything kept about ${who}? This cannot be undone. Type "yes": `)).trim().toLowerCase();
      if (answer !== 'yes' && answer !== 'y') {
        io.say('Nothing was deleted.');
        return 1;
      }
    }
    const actor = `lifeline visitor delete (${userInfo().username}@${hostname()})`;
    const result = await deleteVisitor(store, key, { agentId: null, name: actor }, Date.now());
    if (!result.ok) {
      io.say(`Nothing was deleted: ${result.open.map((r) => `#${r}`).join(', ')} ${result.open.length === 1 ? 'is' : 'are'} still open. Resolve ${result.open.length === 1 ? 'it' : 'them'} in the console first.`);
      return 1;
    }
    io.say(`Deleted ${countsLine(result.deleted)}.`);
    io.say('Recorded as an erasure (who and how much, not whose).');
    return 0;
  } finally {
    await store.close();
  }
}
