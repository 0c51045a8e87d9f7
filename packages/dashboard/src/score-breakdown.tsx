import type { AccountDetail, ScoreComponent } from '@cairn/protocol';
import { formatNumber, formatWeight } from './format.ts';

function ComponentTable({ caption, score, components }: { caption: string; score: number | null; components: readonly ScoreComponent[] }) {
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="breakdown">
        <caption>
          {caption}: {score === null ? 'no data' : formatNumber(score)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Value</th>
            <th scope="col">Weight</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {components.length === 0 && (
            <tr>
              <td colSpan={4} class="muted">
                No components.
              </td>
            </tr>
          )}
          {components.map((component) => (
            <tr key={component.key}>
              <th scope="row">{component.label}</th>
              <td class="num">{component.value === null ? <span class="muted">No data (left out)</span> : formatNumber(component.value)}</td>
              <td class="num">{component.value === null ? '—' : formatWeight(component.weight)}</td>
              <td>{component.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Where the health number comes from: the outcome/experience weights (80/20, 70/30 for
 * tier A) and each component with its own weight and raw measure.
 */
export function ScoreBreakdown({ account }: { account: AccountDetail }) {
  const { weights } = account;
  return (
    <section class="card" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">Score breakdown</h2>
      <p class="formula">
        Health <strong>{formatNumber(account.health)}</strong> ={' '}
        {account.experience === null ? (
          <>
            Outcome <strong>{formatNumber(account.outcome)}</strong> (no experience data, so health is the outcome score)
          </>
        ) : (
          <>
            {formatWeight(weights.outcome)} × Outcome <strong>{formatNumber(account.outcome)}</strong> + {formatWeight(weights.experience)} × Experience{' '}
            <strong>{formatNumber(account.experience)}</strong>
          </>
        )}
      </p>
      <ComponentTable caption="Outcome" score={account.outcome} components={account.outcomeComponents} />
      <ComponentTable caption="Experience" score={account.experience} components={account.experienceComponents} />
    </section>
  );
}
