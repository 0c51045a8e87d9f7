import type { Band } from '@cairn/protocol';
import { formatNumber } from './format.ts';
import { BAND_LABELS } from './labels.ts';

/** Health 0–100 as a bar, the number and the band in words (colour is never the only cue). */
export function HealthBar({ health, band }: { health: number; band: Band }) {
  const width = Math.max(0, Math.min(100, health));
  return (
    <span class={`health band-${band}`}>
      <span class="health-track" aria-hidden="true">
        <span class="health-fill" style={{ width: `${width}%` }} />
      </span>
      <span class="health-value">{formatNumber(health)}</span>
      <BandBadge band={band} />
    </span>
  );
}

/** The band as a coloured word. */
export function BandBadge({ band }: { band: Band }) {
  return <span class={`band band-${band}`}>{BAND_LABELS[band] ?? band}</span>;
}
