/**
 * The visitor's word on a conversation that ended (issue 12, "Did we keep the promise?"): Good or
 * Bad, whether they had to repeat what they had already tried, and their comment, as text.
 */
import type { Rating } from '../protocol/types';
import { dateTime, ratingText, repeatedText } from './format';
import { useStrings } from './strings';

export function RatingCard({ rating }: { rating: Rating | null }) {
  const strings = useStrings();
  const t = strings.rating;
  return (
    <section class="card rating" aria-labelledby="rating-heading">
      <h2 id="rating-heading">{t.heading}</h2>
      {rating ? (
        <dl class="facts">
          <dt>{t.how}</dt>
          <dd>
            <span class={`chip rating-${rating.good ? 'good' : 'bad'}`}>{ratingText(rating.good, strings)}</span>
          </dd>
          <dt>{t.repeated}</dt>
          <dd>{repeatedText(rating.repeated, strings)}</dd>
          {rating.comment !== null && (
            <>
              <dt>{t.comment}</dt>
              <dd>
                <blockquote class="rating-comment" dir="auto">{rating.comment}</blockquote>
              </dd>
            </>
          )}
          <dt>{t.rated}</dt>
          <dd>
            <time dateTime={rating.at}>{dateTime(rating.at, strings.locale)}</time>
          </dd>
        </dl>
      ) : (
        <p class="muted">{t.none}</p>
      )}
    </section>
  );
}
