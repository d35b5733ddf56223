import { describe, expect, it } from 'vitest';
import { levelOf, thresholdSeverity } from './thresholds';

describe('levelOf (issue 13 scope 4)', () => {
  const t = { warning: { value: 3 }, critical: { value: 6, flash: true } };
  it('reaches a level at its value, critical before warning; unknown is ok', () => {
    expect(levelOf('callsWaiting', 2, t).severity).toBe('ok');
    expect(levelOf('callsWaiting', 3, t).severity).toBe('warning');
    expect(levelOf('callsWaiting', 6, t)).toEqual({ severity: 'critical', level: t.critical });
    expect(levelOf('callsWaiting', undefined, t).severity).toBe('ok');
    expect(levelOf('callsWaiting', 100, undefined).severity).toBe('ok');
  });
  it('for the service level, lower is worse and meeting a level is no breach', () => {
    const sl = { warning: { value: 80 }, critical: { value: 70 } };
    expect(levelOf('serviceLevelPct', 80, sl).severity).toBe('ok');
    expect(levelOf('serviceLevelPct', 79, sl).severity).toBe('warning');
    expect(levelOf('serviceLevelPct', 69.9, sl).severity).toBe('critical');
  });
  it('maps the internal severities to the public hook values', () => {
    expect(['ok', 'warn', 'alarm'].map((s) => thresholdSeverity(s as 'ok'))).toEqual(['ok', 'warning', 'critical']);
  });
});
