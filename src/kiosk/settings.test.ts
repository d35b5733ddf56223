import { describe, expect, it } from 'vitest';
import { KIOSK_DEFAULTS, kioskSchema } from '../config';
import { kioskClockStart, kioskSettings, parseRotation } from './settings';

const PAGE = 'https://wall.example/kiosk';

describe('kiosk settings: configuration with URL parameters over it', () => {
  it('takes the configured block when the page has no parameters', () => {
    const configured = kioskSchema.parse({ rotation: [{ board: 'floor', durationSec: 60 }] });
    expect(kioskSettings(configured, PAGE)).toEqual({ settings: configured, problems: [] });
  });

  it('rotation, time zone and numbers from the URL replace the configured ones', () => {
    const { settings, problems } = kioskSettings(KIOSK_DEFAULTS, `${PAGE}?rotation=a:30,b:10&tz=Europe/Berlin&configPollSec=5&watchdogStallMs=3000`);
    expect(problems).toEqual([]);
    expect(settings.rotation).toEqual([
      { board: 'a', durationSec: 30 },
      { board: 'b', durationSec: 10 },
    ]);
    expect(settings.timeZone).toBe('Europe/Berlin');
    expect(settings.configPollSec).toBe(5);
    expect(settings.watchdog).toEqual({ stallMs: 3000, heapMb: 1024 });
  });

  it('?kiosk=<JSON> sets any key, the schedule included', () => {
    const block = { schedule: [{ from: '08:00', to: '18:00', rotation: [{ board: 'x', durationSec: 20 }] }], night: { from: '22:00', to: '06:00', mode: 'dim' } };
    const { settings, problems } = kioskSettings(KIOSK_DEFAULTS, `${PAGE}?kiosk=${encodeURIComponent(JSON.stringify(block))}`);
    expect(problems).toEqual([]);
    expect(settings.schedule[0]?.days).toHaveLength(7);
    expect(settings.night?.mode).toBe('dim');
  });

  it('ignores a bad parameter, says why, and keeps the good ones', () => {
    const { settings, problems } = kioskSettings(KIOSK_DEFAULTS, `${PAGE}?rotation=a:x&tz=Nowhere/Land&pageSec=4&kiosk={"__proto__":{"x":1}}`);
    expect(settings.pageSec).toBe(4);
    expect(settings.timeZone).toBeUndefined();
    expect(settings.rotation).toEqual([]);
    expect(problems).toEqual(['rotation: expected <board>:<seconds>,…', 'timeZone: an IANA time zone such as Europe/Berlin']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('parses rotations and the clock start', () => {
    expect(parseRotation('a:5')).toEqual([{ board: 'a', durationSec: 5 }]);
    expect(parseRotation('a:5,,b:3')).toBeUndefined();
    expect(parseRotation('<b>:5')).toBeUndefined();
    expect(kioskClockStart(`${PAGE}?kioskClock=2026-12-01T08:00:00Z`)).toBe(Date.parse('2026-12-01T08:00:00Z'));
    expect(kioskClockStart(`${PAGE}?kioskClock=1000`)).toBe(1000);
    expect(kioskClockStart(`${PAGE}?kioskClock=soon`)).toBeUndefined();
    expect(kioskClockStart(PAGE)).toBeUndefined();
  });
});
