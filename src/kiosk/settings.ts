import { kioskSchema, type KioskConfig, type RotationEntry } from '../config';

/**
 * The kiosk's effective settings: the served configuration's `kiosk` block with the page's
 * URL parameters over it (issue 14 scope 2: "settable by URL parameters and by the served
 * configuration"). Parameters of `/kiosk` (docs/CONTRACTS.md "TV kiosk"):
 * - `kiosk=<JSON>`: a whole or partial `kiosk` block; its keys replace the configured ones;
 * - `rotation=<board>:<seconds>,…`: the rotation (e.g. `floor:60,queues:30`);
 * - `tz=<IANA zone>`: the time zone of schedule, night and clock;
 * - `configPollSec`, `pageSec`, `minTextPx`, `watchdogStallMs`: single numbers.
 * An invalid parameter is ignored and reported in `problems` (the TV keeps running on the
 * configured settings; a kiosk has nobody to read an error page).
 */
export function kioskSettings(configured: KioskConfig, pageHref: string): { settings: KioskConfig; problems: string[] } {
  const params = new URL(pageHref).searchParams;
  const problems: string[] = [];
  const overrides: Record<string, unknown> = {};
  const json = params.get('kiosk');
  if (json !== null) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [k, v] of Object.entries(parsed)) if (k !== '__proto__') overrides[k] = v;
      } else problems.push('kiosk: not a JSON object');
    } catch {
      problems.push('kiosk: not JSON');
    }
  }
  const rotation = params.get('rotation');
  if (rotation !== null) {
    const parsed = parseRotation(rotation);
    if (parsed) overrides['rotation'] = parsed;
    else problems.push('rotation: expected <board>:<seconds>,…');
  }
  const tz = params.get('tz');
  if (tz) overrides['timeZone'] = tz;
  for (const key of ['configPollSec', 'pageSec', 'minTextPx'] as const) {
    const v = params.get(key);
    if (v !== null) overrides[key] = Number(v);
  }
  const stall = params.get('watchdogStallMs');
  if (stall !== null) overrides['watchdog'] = { ...configured.watchdog, ...(overrides['watchdog'] as object | undefined), stallMs: Number(stall) };
  // Validate key by key so one bad parameter does not discard the others.
  let settings: KioskConfig = configured;
  for (const [key, value] of Object.entries(overrides)) {
    const result = kioskSchema.safeParse({ ...settings, [key]: value });
    if (result.success) settings = result.data;
    else problems.push(`${key}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  return { settings, problems };
}

/** `floor:60,queues:30` → rotation entries; undefined when malformed. */
export function parseRotation(text: string): RotationEntry[] | undefined {
  const out: RotationEntry[] = [];
  for (const part of text.split(',')) {
    const m = /^([A-Za-z0-9_-]{1,64}):(\d{1,6})$/.exec(part.trim());
    if (!m) return undefined;
    out.push({ board: m[1] as string, durationSec: Number(m[2]) });
  }
  return out.length ? out : undefined;
}

/**
 * The instant `?kioskClock=` starts the kiosk's clock at: epoch ms, or an ISO 8601 date-time
 * (`2026-12-01T08:00:00Z`); undefined when absent or unreadable.
 */
export function kioskClockStart(pageHref: string): number | undefined {
  const v = new URL(pageHref).searchParams.get('kioskClock');
  if (!v) return undefined;
  const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(ms) ? ms : undefined;
}
