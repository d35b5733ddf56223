import { describe, expect, it } from 'vitest';
import { kioskSchema } from '../config';
import { activeRotation, kioskMoment, nightAt, rotationPosition, windowStart } from './schedule';

const TZ = 'Europe/Berlin';
/** Epoch ms of a Berlin wall-clock time (December: UTC+1). */
const berlin = (iso: string) => Date.parse(`${iso}+01:00`);

const config = kioskSchema.parse({
  timeZone: TZ,
  rotation: [{ board: 'night-list', durationSec: 60 }],
  schedule: [
    {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      from: '08:00',
      to: '18:00',
      rotation: [
        { board: 'a', durationSec: 30 },
        { board: 'b', durationSec: 10 },
        { board: 'c', durationSec: 20 },
      ],
    },
    { days: ['sat'], from: '09:00', to: '13:00', rotation: [{ board: 'weekend', durationSec: 30 }] },
  ],
  night: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '22:00', to: '06:00', mode: 'dim' },
});

describe('kiosk rotation', () => {
  it('shows each board for its own duration, then starts over', () => {
    const r = config.schedule[0]!.rotation;
    const t0 = 1_000_000;
    expect(rotationPosition(r, t0, t0)).toEqual({ index: 0, endsAt: t0 + 30_000 });
    expect(rotationPosition(r, t0, t0 + 29_999).index).toBe(0);
    expect(rotationPosition(r, t0, t0 + 30_000)).toEqual({ index: 1, endsAt: t0 + 40_000 });
    expect(rotationPosition(r, t0, t0 + 39_999).index).toBe(1);
    expect(rotationPosition(r, t0, t0 + 40_000)).toEqual({ index: 2, endsAt: t0 + 60_000 });
    expect(rotationPosition(r, t0, t0 + 60_000)).toEqual({ index: 0, endsAt: t0 + 90_000 });
    expect(rotationPosition(r, t0, t0 - 1)).toEqual({ index: 2, endsAt: t0 });
  });

  it('an empty rotation has no position', () => {
    expect(rotationPosition([], 0, 123)).toEqual({ index: 0, endsAt: undefined });
    expect(kioskMoment(kioskSchema.parse({}), 123)).toMatchObject({ boardId: undefined, nextAt: undefined, night: undefined });
  });
});

describe('kiosk schedule in the configured time zone', () => {
  it('follows the weekday window in Berlin time, anchored at its start', () => {
    // Tuesday 1 December 2026, 08:00 in Berlin is 07:00 UTC.
    const eight = berlin('2026-12-01T08:00:00');
    expect(activeRotation(config, eight)).toEqual({ rotation: config.schedule[0]!.rotation, anchorMs: eight });
    expect(kioskMoment(config, eight)).toMatchObject({ boardId: 'a', nextBoardId: 'b', nextAt: eight + 30_000 });
    expect(kioskMoment(config, eight + 35_000)).toMatchObject({ boardId: 'b', nextBoardId: 'c' });
    expect(kioskMoment(config, eight + 45_000)).toMatchObject({ boardId: 'c', nextBoardId: 'a' });
    // 07:59 Berlin (06:59 UTC) is before the window: the default rotation.
    expect(kioskMoment(config, eight - 60_000).boardId).toBe('night-list');
    // 18:00 ends it.
    expect(kioskMoment(config, berlin('2026-12-01T18:00:00')).boardId).toBe('night-list');
  });

  it('day of week: Saturday has its own entry, Sunday none', () => {
    expect(kioskMoment(config, berlin('2026-12-05T10:00:00')).boardId).toBe('weekend');
    expect(kioskMoment(config, berlin('2026-12-06T10:00:00')).boardId).toBe('night-list');
    // 10:00 UTC on Saturday is 11:00 in Berlin: inside; 12:30 UTC is 13:30 Berlin: outside.
    expect(kioskMoment(config, Date.parse('2026-12-05T12:30:00Z')).boardId).toBe('night-list');
  });

  it('the same instant is another local time in another zone', () => {
    const at = Date.parse('2026-12-01T07:30:00Z'); // 08:30 Berlin, 07:30 London, 02:30 New York
    expect(kioskMoment(config, at).boardId).not.toBe('night-list');
    expect(kioskMoment({ ...config, timeZone: 'Europe/London' }, at).boardId).toBe('night-list');
    expect(kioskMoment({ ...config, timeZone: 'America/New_York' }, at).night).toBe('dim');
  });

  it('a night period wraps past midnight into the next day', () => {
    expect(nightAt(config, berlin('2026-12-01T21:59:00'))).toBeUndefined();
    expect(nightAt(config, berlin('2026-12-01T22:00:00'))).toBe('dim');
    expect(nightAt(config, berlin('2026-12-02T05:59:00'))).toBe('dim');
    expect(nightAt(config, berlin('2026-12-02T06:00:00'))).toBeUndefined();
    const fridayNight = { days: ['fri' as const], from: '22:00', to: '06:00' };
    // Saturday 03:00 belongs to Friday's night, started Friday 22:00.
    expect(windowStart(fridayNight, berlin('2026-12-05T03:00:00'), TZ)).toBe(berlin('2026-12-04T22:00:00'));
    expect(windowStart(fridayNight, berlin('2026-12-06T03:00:00'), TZ)).toBeUndefined();
  });

  it('across a daylight-saving change the window still starts at local 08:00', () => {
    // Sunday 29 March 2026: Berlin moves to UTC+2. Monday 30 March 08:00 local = 06:00 UTC.
    expect(activeRotation(config, Date.parse('2026-03-30T06:00:00Z')).anchorMs).toBe(Date.parse('2026-03-30T06:00:00Z'));
    expect(kioskMoment(config, Date.parse('2026-03-30T05:59:00Z')).boardId).toBe('night-list');
  });

  it('refuses an unknown time zone and a malformed time in the configuration', () => {
    expect(kioskSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(kioskSchema.safeParse({ night: { from: '25:00', to: '06:00' } }).success).toBe(false);
  });
});
