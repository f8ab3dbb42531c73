/**
 * The visitor's word on a conversation that ended (issue 12, "Did we keep the promise?"): Good or
 * Bad, whether they had to repeat what they had already tried, and their comment, as text.
 */
import type { Rating } from '../protocol/types';
import { dateTime, ratingText, repeatedText } from './format';

export function RatingCard({ rating }: { rating: Rating | null }) {
  return (
    <section class="card rating" aria-labelledby="rating-heading">
      <h2 id="rating-heading">Visitor’s rating</h2>
      {rating ? (
        <dl class="facts">
          <dt>How was this conversation?</dt>
          <dd>
            <span class={`chip rating-${rating.good ? 'good' : 'bad'}`}>{ratingText(rating.good)}</span>
          </dd>
          <dt>Had to repeat what they had tried?</dt>
          <dd>{repeatedText(rating.repeated)}</dd>
          {rating.comment !== null && (
            <>
              <dt>Comment</dt>
              <dd>
                <blockquote class="rating-comment">{rating.comment}</blockquote>
              </dd>
            </>
          )}
          <dt>Rated</dt>
          <dd>
            <time dateTime={rating.at}>{dateTime(rating.at)}</time>
          </dd>
        </dl>
      ) : (
        <p class="muted">The visitor has not rated this conversation.</p>
      )}
    </section>
  );
}
