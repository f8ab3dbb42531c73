/**
 * "Did we keep the promise?" (issue 12): once a chat is resolved by the agent or ended by the
 * visitor, the visitor is asked "How was this conversation?" (Good or Bad, and a comment) and
 * "Did you have to repeat anything you had already tried?" (Yes or No). A chunk of its own,
 * with a language pack of its own, fetched by the live chunk only when a chat has ended: neither
 * the search path nor the live chunk carries it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PanelCtx } from '../context';
import { loadPack, type Packs } from '../../i18n/load-pack';
import { sessionStorageOrNull } from '../../storage';
import css from '../../styles/rating.css?inline';
import { markRated, ratingRequest, sendRating, wasRated, type RatingForm, type RatingStrings } from './rating';
import { mailTranscript, transcriptOffer } from './transcript';

export const PACKS: Packs<RatingStrings> = {
  en: () => import('./strings/rating-en'),
  fr: () => import('./strings/rating-fr'),
  de: () => import('./strings/rating-de'),
  es: () => import('./strings/rating-es'),
  it: () => import('./strings/rating-it'),
  pt: () => import('./strings/rating-pt'),
  nl: () => import('./strings/rating-nl'),
  pl: () => import('./strings/rating-pl'),
  ar: () => import('./strings/rating-ar'),
  he: () => import('./strings/rating-he'),
  ja: () => import('./strings/rating-ja'),
  zh: () => import('./strings/rating-zh'),
  'zh-Hant': () => import('./strings/rating-zh-Hant'),
};

type Stage = 'asking' | 'sending' | 'failed' | 'thanked';

/** Two buttons for one question, the chosen one pressed (aria-pressed), in a group named by it. */
function Choice({ id, question, labels, value, onChoose }: { id: string; question: string; labels: [string, string]; value: boolean | null; onChoose(v: boolean): void }) {
  return (
    <div class="ll-rate-q" role="group" aria-labelledby={id}>
      <p id={id} class="ll-rate-question" tabIndex={-1}>{question}</p>
      <div class="ll-row">
        {([true, false] as const).map((v, i) => (
          <button key={i} type="button" class={`ll-pill ${value === v ? 'll-accent' : 'll-plain'}`} aria-pressed={value === v ? 'true' : 'false'} onClick={() => onChoose(v)}>
            {labels[i]}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * "Send me this conversation": offered when the backend sends mail and knows the visitor's
 * address (the one they gave, or identify()'s: the backend says, in the handoff's state).
 * Sent once; a reload says it was sent.
 */
function Transcript({ ctx, handoff, s }: { ctx: PanelCtx; handoff: { id: string; token: string }; s: RatingStrings }) {
  const [offer, setOffer] = useState<{ email: string; sent: boolean } | null>(null);
  const [stage, setStage] = useState<'idle' | 'sending' | 'failed'>('idle');
  const backend = ctx.settings.backend!;
  const fetchImpl: typeof fetch = (...a) => fetch(...a);
  useEffect(() => void transcriptOffer(fetchImpl, backend, handoff).then(setOffer), []);
  if (!offer) return null;
  const send = (): void => {
    setStage('sending');
    void mailTranscript(fetchImpl, backend, handoff).then((result) => {
      if (result === 'sent') setOffer({ ...offer, sent: true });
      setStage(result === 'sent' ? 'idle' : 'failed');
    });
  };
  return (
    <section class="ll-card ll-transcript">
      {offer.sent ? (
        <p role="status">{s.transcriptSent(offer.email)}</p>
      ) : (
        <>
          <p>{s.transcriptTo(offer.email)}</p>
          {stage === 'failed' && <p class="ll-alert" role="alert">{s.transcriptFailed}</p>}
          <button type="button" class="ll-pill ll-plain" disabled={stage === 'sending'} onClick={send}>{s.sendTranscript}</button>
        </>
      )}
    </section>
  );
}

export default function Rating({ ctx, id, token }: { ctx: PanelCtx; id: string; token: string }) {
  const storage = sessionStorageOrNull();
  const [s, setStrings] = useState<RatingStrings | null>(null);
  const [form, setForm] = useState<RatingForm>({ good: null, repeated: null, comment: '' });
  const [stage, setStage] = useState<Stage>(() => (wasRated(storage, id) ? 'thanked' : 'asking'));
  const [missing, setMissing] = useState(false);
  const view = useRef<HTMLElement>(null);
  /** Thanks are focused only when given here, not when a reload finds the conversation rated. */
  const asked = useRef(stage === 'asking');
  useEffect(() => ctx.addStyles(css), []);
  useEffect(() => {
    loadPack(PACKS, ctx.language, 'rating language pack', ctx.settings.strings, 'rating').then(setStrings, (error: unknown) =>
      console.error('[Lifeline] the rating could not be loaded; the chat stays as it is.', error),
    );
  }, []);
  // Focus lands on the question as it appears (the composer it replaces is gone), and on the
  // thanks once sent: a screen reader hears each, and a keyboard carries on from there.
  useLayoutEffect(() => {
    if (s && asked.current && (stage === 'asking' || stage === 'thanked')) view.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }, [s, stage === 'thanked']);
  if (!s) return null;

  const transcript = <Transcript ctx={ctx} handoff={{ id, token }} s={s} />;
  if (stage === 'thanked') {
    return (
      <>
        {transcript}
        <section class="ll-card" ref={view}>
          <p role="status" tabIndex={-1}>{s.thanks}</p>
        </section>
      </>
    );
  }
  const set = (patch: Partial<RatingForm>): void => {
    setForm({ ...form, ...patch });
    if (patch.good !== undefined) setMissing(false);
  };
  const submit = (event: Event): void => {
    event.preventDefault();
    const body = ratingRequest(form);
    if (!body) return setMissing(true);
    setStage('sending');
    void sendRating((...a) => fetch(...a), ctx.settings.backend!, { id, token }, body).then((result) => {
      if (result === 'done') markRated(storage, id);
      setStage(result === 'done' ? 'thanked' : 'failed');
    });
  };
  return (
    <>
    {transcript}
    <section class="ll-card" ref={view}>
    <form class="ll-rate" onSubmit={submit} aria-labelledby="ll-rate-good">
      {/* The first question is what focus lands on: its text names the group and the form. */}
      <Choice id="ll-rate-good" question={s.question} labels={[s.good, s.bad]} value={form.good} onChoose={(good) => set({ good })} />
      <Choice id="ll-rate-repeat" question={s.repeatQuestion} labels={[s.yes, s.no]} value={form.repeated} onChoose={(repeated) => set({ repeated })} />
      <label class="ll-field">
        <span>{s.comment}</span>
        <textarea class="ll-input" rows={2} maxLength={1000} value={form.comment} onInput={(e) => set({ comment: (e.currentTarget as HTMLTextAreaElement).value })} />
      </label>
      {missing && <p class="ll-field-error" role="alert">{s.chooseFirst}</p>}
      {stage === 'failed' && <p class="ll-alert" role="alert">{s.failed}</p>}
      <button type="submit" class="ll-pill ll-accent" disabled={stage === 'sending'}>{s.send}</button>
    </form>
    </section>
    </>
  );
}
