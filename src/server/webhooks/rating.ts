/**
 * rating.created, kept apart: ratings (the visitor's "How was this conversation?") are built on
 * another branch, so this is the one place that knows their shape. It expects the event that
 * branch appends to the event log:
 *
 *   { type: 'rated', rating: { good: boolean, repeated: boolean | null, comment: string | null, at: string } }
 *
 * checked field by field, as its type is not in this branch's event union. When ratings land
 * with another shape, only isRatingEvent and ratingCreated change.
 */
import type { WebhookEvent, WebhookHandoff } from '../../protocol/webhooks';

export interface ExpectedRatingEvent {
  type: 'rated';
  rating: { good: boolean; repeated?: boolean | null; comment?: string | null; at?: string };
}

/** A stored event that is a rating. */
export function isRatingEvent(event: unknown): event is ExpectedRatingEvent {
  if (typeof event !== 'object' || event === null) return false;
  const { type, rating } = event as { type?: unknown; rating?: unknown };
  return type === 'rated' && typeof rating === 'object' && rating !== null && typeof (rating as { good?: unknown }).good === 'boolean';
}

export function ratingCreated(event: ExpectedRatingEvent, handoff: WebhookHandoff, timestamp: string): WebhookEvent {
  const r = event.rating;
  return {
    type: 'rating.created',
    timestamp,
    data: {
      handoff,
      rating: {
        good: r.good,
        repeated: typeof r.repeated === 'boolean' ? r.repeated : null,
        comment: typeof r.comment === 'string' && r.comment.trim() !== '' ? r.comment : null,
      },
    },
  };
}
