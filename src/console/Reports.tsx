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
import { dateTime, percentText, waitText } from './format';
import { useStrings } from './strings';
import type { ConsoleStrings } from './strings/types';
import { useViewHeading } from './useViewHeading';

const HOUR_MS = 3_600_000;
const PERIODS = [
  { value: '24h', ms: 24 * HOUR_MS },
  { value: '7d', ms: 7 * 24 * HOUR_MS },
  { value: '30d', ms: 30 * 24 * HOUR_MS },
] as const;
type Period = (typeof PERIODS)[number]['value'];

export function Reports() {
  const [period, setPeriod] = useState<Period>('7d');
  const [report, setReport] = useState<AgentReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useViewHeading();
  const strings = useStrings();
  const t = strings.reports;

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
          {t.heading}
        </h1>
        <label>
          {t.period}
          <select value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
            {PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {t.periods[p.value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="alert" class="error">
        {error}
      </div>
      {report === null ? (
        !error && <p role="status">{t.loading}</p>
      ) : (
        <div class="reports">
          <p class="muted">
            {t.range[0]}
            <time dateTime={report.from}>{dateTime(report.from, strings.locale)}</time>
            {t.range[1]}
            <time dateTime={report.to}>{dateTime(report.to, strings.locale)}</time>
            {t.range[2]}
          </p>
          <section class="card" aria-labelledby="wait-heading">
            <h2 id="wait-heading">{t.wait}</h2>
            <p class="figure">{waitText(report.medianFirstReplySeconds, strings)}</p>
          </section>
          <section class="card" aria-labelledby="good-heading">
            <h2 id="good-heading">{t.good}</h2>
            <p class="figure">{percentText(report.ratings.goodShare)}</p>
            <p class="muted">
              {t.goodOf(report.ratings.good, report.ratings.rated)}
            </p>
          </section>
          <section class="card" aria-labelledby="repeated-heading">
            <h2 id="repeated-heading">{t.repeated}</h2>
            <p class="figure">{percentText(report.ratings.repeatedShare)}</p>
            <p class="muted">
              {t.repeatedOf(report.ratings.repeated, report.ratings.repeatAnswered)}
            </p>
          </section>
          <section class="card" aria-labelledby="visitors-heading">
            <h2 id="visitors-heading">{t.visitors}</h2>
            <p class="figure">{report.visitors}</p>
            <p class="muted">
              {t.visitorsNote(Object.values(report.handoffsByChannel).reduce((a, b) => a + b, 0))}
            </p>
          </section>
          <CountTable
            caption={t.noResults}
            head={[t.col.search, t.col.visitors, t.col.searches]}
            rows={report.noResultSearches.map((s) => [s.query, s.visitors, s.count])}
            empty={t.noResultsEmpty}
          />
          <CountTable
            caption={t.lastRead}
            head={[t.col.article, t.col.visitors, t.col.handoffs]}
            rows={report.articlesBeforeHandoff.map((a) => [`${a.title} (${a.articleId})`, a.visitors, a.count])}
            empty={t.lastReadEmpty}
          />
          <CountTable
            caption={t.noArticle(report.noArticleHandoffs, report.noArticleVisitors)}
            head={[t.col.question, t.col.visitors, t.col.handoffs]}
            rows={report.noArticleQuestions.map((g) => [<GroupLabel group={g} also={t.also} />, g.visitors, g.count])}
            empty={t.noArticleEmpty}
          />
          <CountTable
            caption={t.readAnyway}
            head={[t.col.article, t.col.visitors, t.col.saidNo]}
            rows={report.articlesReadBeforeHandoff.map((a) => [`${a.title} (${a.articleId})`, a.visitors, a.notHelpful])}
            empty={t.readAnywayEmpty}
            note={t.readAnywayNote}
          />
          <CountTable
            caption={t.searchedBefore}
            head={[t.col.search, t.col.visitors, t.col.handoffs]}
            rows={report.searchesBeforeHandoff.map((g) => [<GroupLabel group={g} also={t.also} />, g.visitors, g.count])}
            empty={t.searchedBeforeEmpty}
          />
          <CountTable
            caption={t.byChannel}
            head={[t.col.channel, t.col.handoffs]}
            rows={Object.entries(report.handoffsByChannel).map(([channel, n]) => [strings.channel[channel as keyof ConsoleStrings['channel']], n])}
          />
          <CountTable
            caption={t.byOutcome}
            head={[t.col.outcome, t.col.handoffs]}
            rows={Object.entries(report.handoffsByOutcome).map(([outcome, n]) => [strings.handoff.outcomes[outcome as keyof ConsoleStrings['handoff']['outcomes']], n])}
          />
        </div>
      )}
    </>
  );
}


/**
 * A group of searches alike in wording: its most asked one, then the other wordings (visitor
 * text, shown as text), so the owner reads how people put it.
 */
function GroupLabel({ group, also }: { group: AgentSearchGroup; also: string }) {
  const { quotes } = useStrings();
  const others = group.queries.filter((q) => q.query !== group.label);
  return (
    <>
      <bdi>{group.label}</bdi>
      {others.length > 0 && (
        <span class="group-also">
          {also} {others.map((q, i) => (
            <span key={q.query}>
              {i > 0 && ', '}{quotes[0]}<bdi>{q.query}</bdi>{quotes[1]}{q.count > 1 && ` ×${q.count}`}
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
                {/* What visitors typed keeps its own direction (an English search in an Arabic report). */}
                <th scope="row">{typeof label === 'string' ? <bdi>{label}</bdi> : label}</th>
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
