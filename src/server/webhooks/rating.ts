/**
 * rating.created, kept apart: ratings (issue 12, item 7) are built on another branch, so this
 * is the one place that knows their shape. It ASSUMES a rating is appended to the event log as
 *
 *   { type: 'rating', rating: { score: 'good' | 'bad', comment?: string | null, hadToRepeat?: boolean | null } }
 *
 * (`good: boolean` is taken for `score` too). When ratings land with another shape, only
 * isRatingEvent and ratingCreated change.
 */
import type { WebhookEvent, WebhookHandoff } from '../../protocol/webhooks';

export interface AssumedRatingEvent {
  type: 'rating';
  rating: { score?: 'good' | 'bad'; good?: boolean; comment?: string | null; hadToRepeat?: boolean | null };
}

/** A stored event that is a rating (checked field by field: its type is not in the event union yet). */
export function isRatingEvent(event: unknown): event is AssumedRatingEvent {
  if (typeof event !== 'object' || event === null) return false;
  const { type, rating } = event as { type?: unknown; rating?: unknown };
  if (type !== 'rating' || typeof rating !== 'object' || rating === null) return false;
  const { score, good } = rating as { score?: unknown; good?: unknown };
  return score === 'good' || score === 'bad' || typeof good === 'boolean';
}

export function ratingCreated(event: AssumedRatingEvent, handoff: WebhookHandoff, timestamp: string): WebhookEvent {
  const r = event.rating;
  const score = r.score ?? (r.good ? 'good' : 'bad');
  const comment = typeof r.comment === 'string' && r.comment.trim() !== '' ? r.comment : null;
  const hadToRepeat = typeof r.hadToRepeat === 'boolean' ? r.hadToRepeat : null;
  return { type: 'rating.created', timestamp, data: { handoff, rating: { score, comment, hadToRepeat } } };
}
