import type { AccountDetail, SurveyResults } from '@cairn/protocol';
import { useEffect, useRef } from 'preact/hooks';
import { AccountTimeline } from './account-timeline.tsx';
import type { ApiClient } from './api-client.ts';
import { FlagChips } from './flag-chips.tsx';
import { formatDate, formatNps, formatNumber } from './format.ts';
import { HealthBar } from './health-bar.tsx';
import { flagLabel, STAGE_LABELS } from './labels.ts';
import { ScoreBreakdown } from './score-breakdown.tsx';
import { Empty, ErrorMessage, Loading } from './status-message.tsx';
import { npsCategory, SurveyComments } from './survey-comments.tsx';
import { TrendChart } from './trend-chart.tsx';
import { useResource, type Resource } from './use-resource.ts';

/** Props of {@link AccountPage}. */
export interface AccountPageProps {
  api: ApiClient;
  accountId: string;
  /** Link back to the list, with the filters the CSM came from. */
  backHref: string;
}

function Figures({ account }: { account: AccountDetail }) {
  const { usage } = account;
  const figures: [string, string][] = [
    ['Outcome', formatNumber(account.outcome)],
    ['Experience', account.experience === null ? 'No data' : formatNumber(account.experience)],
    ['NPS', formatNps(account.nps)],
    ['CSAT', account.csat === null ? '—' : `${formatNumber(account.csat, 0)}%`],
    ['CES', formatNumber(account.ces)],
    ['Activation', account.activated ? `Activated ${formatDate(account.activatedAt)}` : 'Not activated'],
    ['Time to value', account.timeToValueDays === null ? '—' : `${formatNumber(account.timeToValueDays, 0)} days`],
    ['Active users (30 d)', formatNumber(usage.activeUsers30d, 0)],
    ['Active days (30 d)', formatNumber(usage.activeDays30d, 0)],
    [
      'Events (30 d)',
      `${formatNumber(usage.eventsLast30d, 0)}${usage.trend === null ? '' : ` (${usage.trend >= 0 ? '+' : '\u2212'}${formatNumber(Math.abs(usage.trend * 100), 0)}% vs previous 30 d)`}`,
    ],
    ['Signed up', formatDate(account.signupAt)],
    ['Contract ends', formatDate(account.contractEndAt)],
  ];
  return (
    <dl class="figures">
      {figures.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FlagReasons({ account }: { account: AccountDetail }) {
  return (
    <section class="card" aria-labelledby="flags-title">
      <h2 id="flags-title">Risk flags</h2>
      {account.flagReasons.length === 0 && account.flags.length === 0 ? (
        <Empty>No risk flags.</Empty>
      ) : (
        <ul class="flag-reasons">
          {(account.flagReasons.length > 0 ? account.flagReasons : account.flags.map((flag) => ({ flag, reason: '' }))).map(({ flag, reason }) => (
            <li key={flag}>
              <strong class={`chip chip-${flag}`}>{flagLabel(flag)}</strong> {reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NpsSection({ results, onRetry }: { results: Resource<SurveyResults>; onRetry: () => void }) {
  if (results.status === 'loading') return <Loading>Loading NPS results…</Loading>;
  if (results.status === 'error') return <ErrorMessage error={results.error} onRetry={onRetry} />;
  const { data } = results;
  if (data.responses === 0) return <Empty>No NPS responses from this account yet.</Empty>;
  const counts = { promoter: 0, passive: 0, detractor: 0 };
  for (const [score, count] of Object.entries(data.distribution)) counts[npsCategory(Number(score))] += count;
  return (
    <>
      <p>
        NPS <strong>{formatNps(data.score)}</strong> from {formatNumber(data.responses, 0)} responses: {counts.promoter} promoters, {counts.passive}{' '}
        passives, {counts.detractor} detractors.
      </p>
      {data.weekly.length > 0 && (
        <TrendChart
          title="NPS by week"
          columns={['Week of', 'NPS', 'Responses']}
          points={data.weekly.map((week) => ({ label: formatDate(week.weekStart), value: week.score, note: String(week.responses) }))}
          min={-100}
          max={100}
          format={formatNps}
        />
      )}
      <h3>Comments</h3>
      <SurveyComments comments={data.comments} />
    </>
  );
}

/** One account: health and its breakdown, flags with reasons, NPS trend, timeline and comments. */
export function AccountPage({ api, accountId, backHref }: AccountPageProps) {
  const [detail, reloadDetail] = useResource((signal) => api.getAccount(accountId, { signal }), [api, accountId]);
  const [timeline, reloadTimeline] = useResource((signal) => api.getTimeline(accountId, { signal }), [api, accountId]);
  const [nps, reloadNps] = useResource((signal) => api.getSurveyResults('nps', accountId, { signal }), [api, accountId]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the new page's heading so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), [detail.status === 'ready']);

  return (
    <section class="page" aria-labelledby="account-title">
      <p>
        <a href={backHref}>← All accounts</a>
      </p>
      {detail.status === 'loading' && <Loading>Loading account…</Loading>}
      {detail.status === 'error' && (
        <>
          <h1 id="account-title">Account {accountId}</h1>
          <ErrorMessage error={detail.error} onRetry={reloadDetail} />
        </>
      )}
      {detail.status === 'ready' && (
        <>
          <header class="account-head">
            <h1 id="account-title" tabIndex={-1} ref={heading}>
              {detail.data.name ?? detail.data.accountId}
            </h1>
            <p class="account-meta">
              <span class="account-id">{detail.data.accountId}</span> · Tier {detail.data.tier} · {STAGE_LABELS[detail.data.stage] ?? detail.data.stage}
            </p>
            <p class="account-health">
              Health <HealthBar health={detail.data.health} band={detail.data.band} />
            </p>
            <FlagChips flags={detail.data.flags} />
          </header>
          <Figures account={detail.data} />
          <div class="columns">
            <ScoreBreakdown account={detail.data} />
            <FlagReasons account={detail.data} />
          </div>
          {detail.data.northStar && detail.data.northStar.series.length > 0 && (
            <section class="card" aria-labelledby="north-star-title">
              <h2 id="north-star-title">North star: {detail.data.northStar.name}</h2>
              <TrendChart
                title={`${detail.data.northStar.name} by week`}
                columns={['Week of', detail.data.northStar.name]}
                points={detail.data.northStar.series.map((week) => ({ label: formatDate(week.weekStart), value: week.value }))}
                min={0}
                max={Math.max(1, ...detail.data.northStar.series.map((week) => week.value))}
                format={(value) => formatNumber(value)}
              />
            </section>
          )}
        </>
      )}
      <section class="card" aria-labelledby="nps-title">
        <h2 id="nps-title">NPS trend</h2>
        <NpsSection results={nps} onRetry={reloadNps} />
      </section>
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Milestones and timeline</h2>
        {timeline.status === 'loading' && <Loading>Loading timeline…</Loading>}
        {timeline.status === 'error' && <ErrorMessage error={timeline.error} onRetry={reloadTimeline} />}
        {timeline.status === 'ready' && <AccountTimeline milestones={detail.status === 'ready' ? detail.data.milestones : []} entries={timeline.data} />}
      </section>
    </section>
  );
}
