/**
 * The advisory locks Lifeline takes on PostgreSQL, as (namespace, key) pairs of 32-bit integers
 * (pg_advisory_lock(int, int)): the namespace keeps them apart from any other application's
 * locks in the same database, the key says what is locked. One place, so no two uses collide.
 */

/** 'Life' in ASCII: every lock of Lifeline's. */
const NAMESPACE = 0x4c696665;

/** Held while reading the schema version and applying migrations (migrations.ts). */
export const MIGRATION_LOCK = [NAMESPACE, 1] as const;

/**
 * Held from appending to the event log until the commit (pg_advisory_xact_lock), so event ids
 * commit in the order they are handed out (migrations.ts, the events table).
 */
export const EVENT_LOG_LOCK = [NAMESPACE, 2] as const;

/**
 * Namespaces of per-thing locks, keyed by hashtext() of the thing (pg_advisory_xact_lock(ns,
 * hashtext(x))): two different things may share a key now and then, which only makes one wait.
 */
/** A callback slot, by its start (callback.from): counting and booking it is one step (store.ts bookedAt). */
export const SLOT_LOCKS = NAMESPACE + 1;
/** An article's learned phrasings: reading them in a transaction holds them until it ends (store.ts). */
export const PHRASING_LOCKS = NAMESPACE + 2;
/** A widget's clientId: looking it up in a transaction holds it, so a create sent twice at once makes one handoff. */
export const CLIENT_ID_LOCKS = NAMESPACE + 3;
/** A ref: asking whether an open handoff has it holds it, so two new handoffs never pick the same one. */
export const REF_LOCKS = NAMESPACE + 4;

/** Held by one instance's retention run for its transaction (pg_try_advisory_xact_lock): the others skip that turn. */
export const RETENTION_LOCK = [NAMESPACE, 3] as const;
