/**
 * Reports: what the help lacks (searches that found nothing, the articles read before asking for
 * a person anyway, the searches made before asking and the questions no article covers, grouped
 * by wording so the article to write or fix first is on top) and how the desk is doing (handoffs by channel and outcome, the median
 * wait for a first reply, what visitors rated and whether they had to repeat themselves), over the last day, week or month. Plain tables, so a screen reader
 * reads every figure with its heading.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AgentReport, AgentSearchGroup } from '../server/api/agent-types';
import { api } from './api';
import { CHANNEL_LABEL, dateTime, percentText, waitText } from './format';
import { useViewHeading } from './useViewHeading';

const HOUR_MS = 3_600_000;
const PERIODS = [
  { value: '24h', label: 'Last 24 hours', ms: 24 * HOUR_MS },
  { value: '7d', label: 'Last 7 days', ms: 7 * 24 * HOUR_MS },
  { value: '30d', label: 'Last 30 days', ms: 30 * 24 * HOUR_MS },
] as const;
type Period = (typeof PERIODS)[number]['value'];

const OUTCOME_LABEL = { answered: 'Answered', no_answer: 'No answer', duplicate: 'Duplicate', other: 'Other' } as const;

export function Reports() {
  const [period, setPeriod] = useState<Period>('7d');
  const [report, setReport] = useState<AgentReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useViewHeading();

  useEffect(() => {
    let current = true; // a slower answer for an earlier period must not replace this one
    const to = new Date();
    const from = new Date(to.getTime() - PERIODS.find((p) => p.value === period)!.ms);
    setError(null);
    api.report(from.toISOString(), to.toISOString()).then(
      (r) => current && setReport(r),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [period]);

  return (
    <>
      <div class="reports-head">
        <h1 ref={heading} tabIndex={-1}>
          Reports
        </h1>
        <label>
          Period
          <select value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
            {PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="alert" class="error">
        {error}
      </div>
      {report === null ? (
        !error && <p role="status">Loading the report…</p>
      ) : (
        <div class="reports">
          <p class="muted">
            Handoffs made from <time dateTime={report.from}>{dateTime(report.from)}</time> to <time dateTime={report.to}>{dateTime(report.to)}</time>.
          </p>
          <section class="card" aria-labelledby="wait-heading">
            <h2 id="wait-heading">Median wait for a first reply</h2>
            <p class="figure">{waitText(report.medianFirstReplySeconds)}</p>
          </section>
          <section class="card" aria-labelledby="good-heading">
            <h2 id="good-heading">Rated good</h2>
            <p class="figure">{percentText(report.ratings.goodShare)}</p>
            <p class="muted">
              {report.ratings.good} of {ratingsText(report.ratings.rated)} (“How was this conversation?”)
            </p>
          </section>
          <section class="card" aria-labelledby="repeated-heading">
            <h2 id="repeated-heading">Had to repeat themselves</h2>
            <p class="figure">{percentText(report.ratings.repeatedShare)}</p>
            <p class="muted">
              {report.ratings.repeated} of {report.ratings.repeatAnswered} who answered “Did you have to repeat anything you had already tried?”
            </p>
          </section>
          <section class="card" aria-labelledby="visitors-heading">
            <h2 id="visitors-heading">Visitors who asked for a person</h2>
            <p class="figure">{report.visitors}</p>
            <p class="muted">
              in {handoffsText(Object.values(report.handoffsByChannel).reduce((a, b) => a + b, 0))}; a visitor the site names (id, e-mail
              or phone) counts once, others once per handoff.
            </p>
          </section>
          <CountTable
            caption="Searches with no results"
            head={['Search', 'Visitors', 'Searches']}
            rows={report.noResultSearches.map((s) => [s.query, s.visitors, s.count])}
            empty="No search came back empty."
          />
          <CountTable
            caption="Articles read last before asking for a person"
            head={['Article', 'Visitors', 'Handoffs']}
            rows={report.articlesBeforeHandoff.map((a) => [`${a.title} (${a.articleId})`, a.visitors, a.count])}
            empty="No article was followed by a handoff."
          />
          <CountTable
            caption={`Questions no article covers (${handoffsText(report.noArticleHandoffs)}, ${visitorsText(report.noArticleVisitors)}), by wording: the articles to write first`}
            head={['Question', 'Visitors', 'Handoffs']}
            rows={report.noArticleQuestions.map((g) => [<GroupLabel group={g} />, g.visitors, g.count])}
            empty="No handoff was marked “no article covers this”."
          />
          <CountTable
            caption="Articles read before asking for a person anyway"
            head={['Article', 'Visitors', 'Said No']}
            rows={report.articlesReadBeforeHandoff.map((a) => [`${a.title} (${a.articleId})`, a.visitors, a.notHelpful])}
            empty="No article was read before a handoff."
            note="Visitors who read it and still asked for a person; Said No: of them, those who answered “Did this help?” with No."
          />
          <CountTable
            caption="Searches before asking for a person, by wording"
            head={['Search', 'Visitors', 'Handoffs']}
            rows={report.searchesBeforeHandoff.map((g) => [<GroupLabel group={g} />, g.visitors, g.count])}
            empty="No visitor searched before asking for a person."
          />
          <CountTable
            caption="Handoffs by channel"
            head={['Channel', 'Handoffs']}
            rows={Object.entries(report.handoffsByChannel).map(([channel, n]) => [CHANNEL_LABEL[channel as keyof typeof CHANNEL_LABEL], n])}
          />
          <CountTable
            caption="Resolved handoffs by outcome"
            head={['Outcome', 'Handoffs']}
            rows={Object.entries(report.handoffsByOutcome).map(([outcome, n]) => [OUTCOME_LABEL[outcome as keyof typeof OUTCOME_LABEL], n])}
          />
        </div>
      )}
    </>
  );
}

const handoffsText = (n: number): string => (n === 1 ? '1 handoff' : `${n} handoffs`);
const visitorsText = (n: number): string => (n === 1 ? '1 visitor' : `${n} visitors`);
const ratingsText = (n: number): string => (n === 1 ? '1 rating' : `${n} ratings`);

/**
 * A group of searches alike in wording: its most asked one, then the other wordings (visitor
 * text, shown as text), so the owner reads how people put it.
 */
function GroupLabel({ group }: { group: AgentSearchGroup }) {
  const others = group.queries.filter((q) => q.query !== group.label);
  return (
    <>
      {group.label}
      {others.length > 0 && (
        <span class="group-also">
          also {others.map((q, i) => (
            <span key={q.query}>
              {i > 0 && ', '}“{q.query}”{q.count > 1 && ` ×${q.count}`}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

/** A table of a label (visitor text among them, shown as text) and its counts. */
function CountTable({
  caption,
  head,
  rows,
  empty,
  note,
}: {
  caption: string;
  head: string[];
  rows: Array<[ComponentChildren, ...number[]]>;
  empty?: string;
  /** What a column means, under the table. */
  note?: string;
}) {
  return (
    <section class="card">
      <table class="counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={head.length} class="muted">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map(([label, ...counts], i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                {counts.map((n, j) => (
                  <td key={j}>{n}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {note && <p class="muted table-note">{note}</p>}
    </section>
  );
}
