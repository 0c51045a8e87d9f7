import type { Band } from '@cairn/protocol';
import type { HealthConfig } from './health-config.ts';

/**
 * Band of a health score: red < yellowFrom (50) ≤ yellow < greenFrom (75) ≤ green. Pass the rounded score,
 * so the number a CSM reads and its colour always agree (49.96 shows as 50.0 and is yellow).
 */
export function bandFor(health: number, bands: HealthConfig['bands']): Band {
  if (health < bands.yellowFrom) return 'red';
  return health < bands.greenFrom ? 'yellow' : 'green';
}
