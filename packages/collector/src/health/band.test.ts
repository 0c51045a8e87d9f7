import { describe, expect, it } from 'vitest';
import { bandFor } from './band.ts';
import { DEFAULT_HEALTH_CONFIG } from './health-config.ts';

const bands = DEFAULT_HEALTH_CONFIG.bands;

describe('bandFor', () => {
  it('puts the boundaries where red < 50 ≤ yellow < 75 ≤ green', () => {
    expect(bandFor(0, bands)).toBe('red');
    expect(bandFor(49.9, bands)).toBe('red');
    expect(bandFor(50, bands)).toBe('yellow');
    expect(bandFor(74.9, bands)).toBe('yellow');
    expect(bandFor(75, bands)).toBe('green');
    expect(bandFor(100, bands)).toBe('green');
  });

  it('follows configured thresholds', () => {
    expect(bandFor(59.9, { yellowFrom: 60, greenFrom: 80 })).toBe('red');
    expect(bandFor(80, { yellowFrom: 60, greenFrom: 80 })).toBe('green');
  });
});
