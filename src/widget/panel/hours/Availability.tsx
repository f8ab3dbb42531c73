/**
 * Hours and availability in the human view, as a chunk of its own: fetched when the human view
 * opens (or when the visitor opens the panel on a site with data-hours), so the search path does not carry
 * the hours grammar. Open or closed with "back Monday 09:00 your time", the chat wait and
 * agents online, the phone's week, the callback slot picker and its confirmation.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CallbackRequest, CallbackSlot } from '../../../protocol/types';
import { comma, dayName, describeDates, describeWeek, formatBack, formatSlot, formatUntil, otherClock, type Reader } from '../../../hours';
import type { Conversation } from '../../transport/conversation';
import { asSentence, joinSentences } from '../../i18n/sentences';
import type { PanelCtx } from '../context';
import type { LiveStrings, PanelStrings } from '../strings';
import { businessZone, channelsFor, localHours, readerFor, type BackendWord } from './local';
import { channelOrder, type ChannelName, type ChannelState } from './channels';
import css from '../../styles/hours.css?inline';

export { channelsFor, readerFor, type BackendWord };
export { backendWord } from './channels';
export { loadWords } from './words';

/** How often "open now" and "back …" are worked out again while on screen. */
const TICK_MS = 30_000;

function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const useStyles = (ctx: PanelCtx): void => useEffect(() => ctx.addStyles(css), []);

/**
 * A phone number as people type it: digits, spaces, + ( ) . and -. Browsers compile `pattern`
 * with the `v` flag, where ( ) and - must be escaped inside a class: unescaped, the pattern is
 * refused (an error on the host page's console) and nothing is checked at all.
 */
export const PHONE_PATTERN = '[0-9+\\(\\) .\\-]{3,40}';

/**
 * "Open now, until 17:00" or "Closed · back Monday 09:00 your time"; null when nothing is known
 * to say (not known, or a backend that cannot be reached: the notice says that once).
 */
export function availabilityText(a: ChannelState, now: number, reader: Reader, zone: string): string | null {
  const words = reader.words;
  if (a.state === 'open') return a.closesAt === null ? words.open : `${words.open}${comma(reader.language)}${formatUntil(a.closesAt, now, reader)}`;
  if (a.state === 'closed') return a.nextOpening === null ? words.closed : `${words.closed} · ${formatBack(a.nextOpening, now, reader, zone)}`;
  return null;
}

/** "Today, 15:00–15:30" on its own (a radio's label), "today, 15:00–15:30" within a sentence. */
const slotText = (slot: CallbackSlot, now: number, reader: Reader, inSentence = false): string => {
  const { day, time } = formatSlot({ from: Date.parse(slot.from), to: Date.parse(slot.to) }, now, reader);
  return `${inSentence ? dayName(Date.parse(slot.from), now, reader) : day}${comma(reader.language)}${time}`;
};

/** Slots grouped by the day the visitor reads ("Today", "Tomorrow", "Monday"), in order. */
function slotDays(slots: readonly CallbackSlot[], now: number, reader: Reader): Array<{ day: string; slots: CallbackSlot[] }> {
  const days: Array<{ day: string; slots: CallbackSlot[] }> = [];
  for (const slot of slots) {
    const { day } = formatSlot({ from: Date.parse(slot.from), to: Date.parse(slot.to) }, now, reader);
    if (days.at(-1)?.day === day) days.at(-1)!.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}

/**
 * What a chat waiting for a person says instead of its place in line while nobody answers chat
 * now: closed ("Chat is closed now, back tomorrow 09:00. Your message waits…"), or open with
 * nobody online ("Nobody is on chat right now. We'll answer by e-mail."); null while someone is
 * online, or it is not known, or the backend cannot be reached (which is not closed).
 */
export function chatAway(ctx: PanelCtx, s: LiveStrings, word: BackendWord, now: number): string | null {
  const channels = channelsFor(word, ctx.settings, now);
  const chat = channels.chat;
  if (channels.nobodyOnline) return joinSentences(s.nobody, asSentence(s.byEmail));
  if (chat.state !== 'closed') return null;
  const reader = readerFor(ctx.settings, ctx.language);
  return joinSentences(s.chatClosed(chat.nextOpening === null ? null : formatBack(chat.nextOpening, now, reader, businessZone(ctx.settings, channels, reader))), s.closedQueued);
}

/**
 * The phone line now, on its own ("Closed · back today 15:00"), where a Call button would
 * otherwise say nothing of it (the phone handoff's reference screen). Nothing while it is open
 * or not known.
 */
export function PhoneClosedNote({ ctx, word }: { ctx: PanelCtx; word: BackendWord }) {
  useStyles(ctx);
  const now = useNow();
  const channels = channelsFor(word, ctx.settings, now);
  if (channels.phone.state !== 'closed') return null;
  const reader = readerFor(ctx.settings, ctx.language);
  return <p class="ll-avail ll-is-closed">{availabilityText(channels.phone, now, reader, businessZone(ctx.settings, channels, reader))}</p>;
}

/** In the phone card: open or closed now, and the week's hours (in the business's zone). */
export function PhoneHours({ ctx, strings, word = { kind: 'none' } }: { ctx: PanelCtx; strings: PanelStrings; word?: BackendWord }) {
  useStyles(ctx);
  const now = useNow();
  const { settings } = ctx;
  const reader = readerFor(settings, ctx.language);
  const channels = channelsFor(word, settings, now);
  const zone = businessZone(settings, channels, reader);
  const { schedule } = localHours(settings);
  const a = channels.phone;
  const said = availabilityText(a, now, reader, zone);
  const week = schedule?.phone ? describeWeek(schedule.phone, reader.locale) : [];
  // Holidays and short days of the next two weeks, after the week: "Fri 25 Dec: closed".
  const closed = reader.words.closed.toLocaleLowerCase(reader.locale);
  const [colon, semicolon, open, close] = reader.words.marks ?? [': ', '; ', ' (', ')'];
  const dates = schedule?.phone ? describeDates(schedule.phone, zone, now, reader.locale).map((d) => `${d.day}${colon}${d.times ?? closed}`) : [];
  return (
    <>
      {said && <p class={`ll-avail ${a.state === 'open' ? 'll-is-open' : 'll-is-closed'}`}>{said}</p>}
      {week.length + dates.length > 0 && (
        <p class="ll-muted">
          {strings.hours + colon + [...week.map((line) => `${line.days} ${line.times}`), ...dates].join(semicolon) + (otherClock(now, reader, zone) ? open + zone.replace(/_/g, ' ') + close : '')}
        </p>
      )}
    </>
  );
}

interface ChoiceProps {
  ctx: PanelCtx;
  s: LiveStrings;
  word: BackendWord;
  /** The phone's href as it dials now; the click makes the phone handoff first (LiveHuman). */
  phoneHref: string | null;
  calling: boolean;
  onChat(): void;
  onCallback(slot?: CallbackSlot): void;
  onCall(event: MouseEvent): void;
}

/** The ways to a person, each with whether it is open and how long it takes. */
export function ChannelChoice({ ctx, s, word, phoneHref, calling, onChat, onCallback, onCall }: ChoiceProps) {
  useStyles(ctx);
  const now = useNow();
  const { settings } = ctx;
  const reader = readerFor(settings, ctx.language);
  const channels = channelsFor(word, settings, now);
  const zone = businessZone(settings, channels, reader);
  const { chat, phone, slots, wait, nobodyOnline } = channels;
  const first = slots?.[0];
  const words = reader.words;
  const closed = chat.state === 'closed';
  // Nobody answers chat now (closed, or nobody online): said first, before the visitor types, and
  // the ways are offered soonest answer first; a chat can still be started, its note saying it is
  // answered by e-mail.
  const away = closed || nobodyOnline;
  // Each line says only what is known: a backend that cannot be reached is told once, above.
  const chatNote =
    chat.state === 'unreachable'
      ? s.waitingToSend
      : nobodyOnline
        ? s.byEmail
        : chat.state === 'open' && wait
          ? s.chatNote(wait.minutes, wait.agentsOnline)
          : availabilityText(chat, now, reader, zone) ?? '';
  // The phone answered now is the soonest way, first in the list: no callback is pushed above it.
  const offerCall = first && (closed || phone.state !== 'open');
  const awaySaid = closed ? s.chatClosed(chat.nextOpening === null ? null : formatBack(chat.nextOpening, now, reader, zone)) : s.nobody;
  const items: Record<ChannelName, JSX.Element | null> = {
    chat: (
      <li key="chat">
        <button type="button" class="ll-channel" onClick={onChat}>
          <span class="ll-channel-label">{s.chat}</span>
          {chatNote && <span class="ll-channel-note">{chatNote}</span>}
        </button>
      </li>
    ),
    callback: (
      <li key="callback">
        <button type="button" class="ll-channel" onClick={() => onCallback()}>
          <span class="ll-channel-label">{s.callback}</span>
          <span class="ll-channel-note">{slots === null || !channels.slotsKnown ? s.callbackNote : first ? s.nextFree(slotText(first, now, reader, true)) : s.noSlots}</span>
        </button>
      </li>
    ),
    phone: phoneHref ? (
      <li key="phone">
        {/* The number is callable at any hour; "now" is said only while it is answered. */}
        <a class="ll-channel" href={phoneHref} onClick={onCall} aria-busy={calling ? 'true' : undefined}>
          <span class="ll-channel-label">{phone.state === 'open' ? s.phone : s.phoneLater(settings.phone ?? '')}</span>
          {phone.state !== 'unknown' && <span class="ll-channel-note">{availabilityText(phone, now, reader, zone) ?? words.open}</span>}
          <span class="ll-channel-note">{calling ? s.sending : s.phoneNote}</span>
        </a>
      </li>
    ) : null,
  };
  return (
    <>
      {away && (
        <section class="ll-card ll-offer" aria-labelledby="ll-offer-text">
          {/* Focus lands here, not on the list's heading below: a screen reader hears it first too. */}
          <p id="ll-offer-text" tabIndex={-1} data-focus-here>
            {offerCall ? joinSentences(awaySaid, s.callInstead) : awaySaid}
          </p>
          {offerCall && (
            <button type="button" class="ll-pill ll-accent" onClick={() => onCallback(first)}>
              {s.callMeAt(slotText(first, now, reader, true))}
            </button>
          )}
        </section>
      )}
      <h4 class="ll-card-title" tabIndex={-1} {...(!away && { 'data-focus-here': true })}>{s.choose}</h4>
      <ul class="ll-channels">{channelOrder(channels).map((name) => items[name])}</ul>
    </>
  );
}

interface FormProps {
  ctx: PanelCtx;
  s: LiveStrings;
  word: BackendWord;
  phone: string;
  /** The slot offered before (chat closed: "call me back Monday 09:00"). */
  initial: CallbackSlot | null;
  /** Why the last request was refused (a slot just taken), shown above the form. */
  error: string | null;
  onSubmit(callback: CallbackRequest): void;
}

/** The callback form: the visitor's number and one of the free slots, in their own time. */
export function CallbackForm({ ctx, s, word, phone: initialPhone, initial, error, onSubmit }: FormProps) {
  useStyles(ctx);
  const now = useNow();
  const reader = readerFor(ctx.settings, ctx.language);
  const channels = channelsFor(word, ctx.settings, now);
  const slots = channels.slots ?? [];
  const [phone, setPhone] = useState(initialPhone);
  const [chosen, setChosen] = useState<string | null>(initial?.from ?? null);
  const [note, setNote] = useState('');
  const [phoneError, setPhoneError] = useState(false);
  // A slot that was taken meanwhile is no longer offered: fall back to the first free one.
  const slot = slots.find((x) => x.from === chosen) ?? slots[0];
  // The slots by day in the visitor's own calendar: a day to pick, then that day's times.
  const days = slotDays(slots, now, reader);
  const shown = days.find((d) => slot !== undefined && d.slots.includes(slot)) ?? days[0];
  const times = useRef<HTMLFieldSetElement>(null);
  // Columns as wide as the longest time ("11:30 AM – 12:00 PM" is twice "11:30–12:00"): two or
  // three where they fit whole, one where they would wrap. A CSS variable set through the CSSOM,
  // which a strict style-src allows.
  useLayoutEffect(() => {
    const grid = times.current;
    if (!grid) return;
    // The width each label needs, from its own left edge to its text's end, not the width the
    // grid gave it (which would keep one column once there was one).
    const need = (label: HTMLElement): number => {
      const text = label.lastElementChild?.getBoundingClientRect();
      const style = getComputedStyle(label);
      return text ? text.right - label.getBoundingClientRect().left + parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth) : 0;
    };
    const widest = Math.max(0, ...[...grid.querySelectorAll<HTMLElement>('.ll-time')].map(need));
    // Nothing measured (not laid out yet): the stylesheet's 150px stands.
    if (widest > 0) grid.style.setProperty('--ll-time-width', `${Math.ceil(widest)}px`);
  }, [shown?.day, shown?.slots.length, reader.locale]);
  return (
    <form
      class="ll-card ll-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (slot) onSubmit({ phone: phone.trim(), from: slot.from, to: slot.to, ...(note.trim() && { note: note.trim() }) });
      }}
    >
      <h4 class="ll-card-title" tabIndex={-1} data-focus-here>{s.callbackTitle}</h4>
      {error && <p class="ll-alert" role="alert">{error}</p>}
      <label class="ll-field">
        <span>{s.yourPhone}</span>
        <input
          class="ll-input"
          type="tel"
          autocomplete="tel"
          required
          minLength={3}
          maxLength={40}
          pattern={PHONE_PATTERN}
          aria-invalid={phoneError ? 'true' : undefined}
          aria-describedby={phoneError ? 'll-phone-error' : undefined}
          value={phone}
          onInput={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            setPhone(input.value);
            input.setCustomValidity('');
            if (phoneError) setPhoneError(false);
          }}
          onInvalid={(e) => {
            // The browser's own "match the requested format" says nothing of what is wanted.
            (e.currentTarget as HTMLInputElement).setCustomValidity(s.phoneInvalid);
            setPhoneError(true);
          }}
        />
      </label>
      {phoneError && <p id="ll-phone-error" class="ll-field-error">{s.phoneInvalid}</p>}
      {shown ? (
        <>
          {days.length > 1 ? (
            <label class="ll-field">
              <span>{s.slotDay}</span>
              <select
                class="ll-input"
                value={shown.day}
                onChange={(e) => setChosen(days.find((d) => d.day === (e.currentTarget as HTMLSelectElement).value)?.slots[0]?.from ?? null)}
              >
                {days.map((d) => (
                  <option key={d.day} value={d.day}>
                    {d.day}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p class="ll-day">{shown.day}</p>
          )}
          <fieldset class="ll-times" ref={times}>
            <legend>{s.slotsLegend}</legend>
            {shown.slots.map((x) => (
              <label key={x.from} class="ll-time">
                <input type="radio" name="ll-slot" value={x.from} checked={x === slot} onChange={() => setChosen(x.from)} />
                <span>{formatSlot({ from: Date.parse(x.from), to: Date.parse(x.to) }, now, reader).time}</span>
              </label>
            ))}
          </fieldset>
        </>
      ) : (
        <p class="ll-note" role="status">{channels.slotsKnown ? s.noSlots : s.slotsUnknown}</p>
      )}
      <label class="ll-field">
        <span>{s.note}</span>
        <textarea class="ll-input" rows={2} maxLength={500} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" class="ll-pill ll-accent" disabled={!slot}>{s.requestCall}</button>
    </form>
  );
}

/** The request as booked: the time in the visitor's zone and language, the ref, and Cancel. */
export function CallbackDone({ ctx, conversation: c, s, onCancel }: { ctx: PanelCtx; conversation: Conversation; s: LiveStrings; onCancel(): void }) {
  useStyles(ctx);
  const now = useNow();
  const cb = c.callback;
  // Within the sentence: "…, today, 15:00–15:30", not "…, Today, …".
  const when = cb ? slotText(cb, now, readerFor(ctx.settings, ctx.language), true) : '';
  return (
    <section class="ll-card" role="status">
      <p tabIndex={-1} data-focus-here>{cb ? s.callbackConfirmed(cb.phone, when) : ''}</p>
      <p class="ll-ref">{c.ref ? s.ref(c.ref) : s.sending}</p>
      <button type="button" class="ll-pill ll-plain" onClick={onCancel}>{s.cancelRequest}</button>
    </section>
  );
}
