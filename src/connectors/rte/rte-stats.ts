/**
 * Day statistics of RTE queues computed by the wallboard from the calls it sees (issue 7
 * "Statistics since a reset time"; rte doc "Queue" section: QueueCallInArrived / Coming,
 * QueueCallInUserConnected, QueueCallInOverflow, QueueCallInTransferConnected,
 * QueueCallInDisconnected). QueueStatus carries no answered-within-threshold figure, so the
 * service level must come from the calls themselves.
 *
 * - The day starts at midnight in the configured time zone (`@date-fns/tz`), the browser's
 *   own by default; a new day starts from zero.
 * - Only calls the board saw arrive count (a call already waiting when the board subscribed
 *   is never counted, so nothing is invented).
 * - answered: connected to an agent; abandoned: disconnected before an agent answered
 *   (within `shortAbandonSec` also counted as short); overflowed; transferred (forward
 *   transfer connected). Service level = answered within `thresholdSec` ÷ (answered +
 *   abandoned after the short-abandon time) × 100.
 * - Kept in the browser's storage per queue and day (`wallboard.rte.stats.<day>.<queueId>`),
 *   with the spans of the day the board was seeing (`wallboard.rte.seen.<day>`), so a page
 *   reload shows the same figures and the spans it did not see (page closed, source down).
 *
 * Pure of timers: the connector calls {@link RteStats.tick} on its scheduler.
 */
import { TZDate } from '@date-fns/tz';
import { format, startOfDay } from 'date-fns';
import type { DomainEvent, QueueCallEvent, QueueDayStatsEvent } from '../../domain';

/** The part of `Storage` the statistics use (the browser's `localStorage` by default). */
export type StatsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Settings of {@link createRteStats}. Seconds for durations. */
export interface RteStatsOptions {
  readonly thresholdSec: number;
  readonly shortAbandonSec: number;
  /** IANA time zone of the reset midnight; undefined = the runtime's local zone. */
  readonly timeZone?: string;
  /** Where the figures are kept; `null` keeps them in memory only. */
  readonly storage: StatsStorage | null;
}

/** The statistics tracker of one RTE connector. Times are epoch ms. */
export interface RteStats {
  /** Loads today's figures of these queues and returns a `queue.dayStats` (and service level) per queue. */
  load(queueIds: readonly string[], at: number): DomainEvent[];
  /** Counts one call step; returns the changed queue's new figures (nothing when it does not count). */
  onCall(e: QueueCallEvent): DomainEvent[];
  /**
   * The board starts (`true`, source live) or stops (`false`, source down or page leaving)
   * seeing calls at `at`; returns every queue's figures when the unseen spans changed.
   */
  setSeeing(seeing: boolean, at: number): DomainEvent[];
  /** Extends the seen span to `at`, persists it, and starts a new day after midnight (then returns every queue's figures). */
  tick(at: number): DomainEvent[];
}

interface Tracked {
  /** Arrival (epoch ms) and connect time. */
  a: number;
  c?: number;
}

interface DayRecord {
  v: 1;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  overflowed: number;
  transferred: number;
  within: number;
  waitSumMs: number;
  /** Calls seen arriving and not ended yet. */
  calls: Record<string, Tracked>;
}

/** Gaps shorter than this between seen spans are not reported (ms). */
const GAP_TOLERANCE_MS = 1_500;
/** A tracked call older than this is forgotten (ms). */
const MAX_CALL_AGE_MS = 6 * 3_600_000;

function emptyRecord(): DayRecord {
  return { v: 1, offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, overflowed: 0, transferred: 0, within: 0, waitSumMs: 0, calls: Object.create(null) as Record<string, Tracked> };
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Reads a stored record; anything malformed gives undefined (a fresh record is used). */
function readRecord(text: string | null): DayRecord | undefined {
  if (text === null) return undefined;
  try {
    const o = JSON.parse(text) as Partial<DayRecord> | null;
    if (!o || o.v !== 1) return undefined;
    const keys = ['offered', 'answered', 'abandoned', 'shortAbandoned', 'overflowed', 'transferred', 'within'] as const;
    if (!keys.every((k) => isCount(o[k])) || typeof o.waitSumMs !== 'number' || !Number.isFinite(o.waitSumMs)) return undefined;
    const calls = Object.create(null) as Record<string, Tracked>;
    if (o.calls && typeof o.calls === 'object') {
      for (const [id, t] of Object.entries(o.calls)) {
        if (id === '__proto__' || !t || typeof t.a !== 'number') continue;
        calls[id] = typeof t.c === 'number' ? { a: t.a, c: t.c } : { a: t.a };
      }
    }
    return { ...(o as DayRecord), calls };
  } catch {
    return undefined;
  }
}

function readSpans(text: string | null): [number, number][] {
  if (text === null) return [];
  try {
    const o = JSON.parse(text) as unknown;
    if (!Array.isArray(o)) return [];
    return o.filter((s): s is [number, number] => Array.isArray(s) && s.length === 2 && typeof s[0] === 'number' && typeof s[1] === 'number' && s[0] <= s[1]);
  } catch {
    return [];
  }
}

/**
 * The spans of `[since, until)` not covered by `seen` (each `[from, to]`), gaps under
 * {@link GAP_TOLERANCE_MS} left out. `seen` need not be sorted.
 */
export function unseenSpans(seen: readonly (readonly [number, number])[], since: number, until: number): [number, number][] {
  const spans = [...seen].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  let cursor = since;
  for (const [from, to] of spans) {
    if (to <= cursor) continue;
    if (from - cursor > GAP_TOLERANCE_MS) out.push([cursor, Math.min(from, until)]);
    cursor = Math.max(cursor, to);
    if (cursor >= until) break;
  }
  if (until - cursor > GAP_TOLERANCE_MS) out.push([cursor, until]);
  return out;
}

/** Creates the statistics tracker. */
export function createRteStats(opts: RteStatsOptions): RteStats {
  const storage = opts.storage;
  const thresholdMs = opts.thresholdSec * 1000;
  const shortMs = opts.shortAbandonSec * 1000;
  const records = new Map<string, DayRecord>();
  let day = '';
  let since = 0;
  let spans: [number, number][] = [];
  /** Index in `spans` of the span being extended while seeing, or -1. */
  let current = -1;
  let queues: readonly string[] = [];

  const dayOf = (at: number): { day: string; since: number } => {
    if (opts.timeZone) {
      const d = new TZDate(at, opts.timeZone);
      return { day: format(d, 'yyyy-MM-dd'), since: startOfDay(d).getTime() };
    }
    return { day: format(at, 'yyyy-MM-dd'), since: startOfDay(at).getTime() };
  };
  const recKey = (q: string) => `wallboard.rte.stats.${day}.${q}`;
  const seenKey = () => `wallboard.rte.seen.${day}`;

  const safe = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch {
      return fallback; // storage full, disabled or refused: figures stay in memory
    }
  };

  /** Switches to the day of `at` when it differs; true when it did. */
  function roll(at: number): boolean {
    const d = dayOf(at);
    if (d.day === day) return false;
    const seeing = current >= 0;
    day = d.day;
    since = d.since;
    records.clear();
    spans = storage ? safe(() => readSpans(storage.getItem(seenKey())), []) : [];
    current = -1;
    if (seeing) {
      spans.push([Math.max(at, since), at]);
      current = spans.length - 1;
    }
    return true;
  }

  function record(q: string): DayRecord {
    let r = records.get(q);
    if (!r) {
      r = (storage ? safe(() => readRecord(storage.getItem(recKey(q))), undefined) : undefined) ?? emptyRecord();
      records.set(q, r);
    }
    return r;
  }

  function save(q: string, r: DayRecord): void {
    if (storage) safe(() => storage.setItem(recKey(q), JSON.stringify(r)), undefined);
  }

  function saveSpans(): void {
    if (storage) safe(() => storage.setItem(seenKey(), JSON.stringify(spans)), undefined);
  }

  function statsOf(q: string, r: DayRecord, at: number): DomainEvent[] {
    const slBase = r.answered + r.abandoned - r.shortAbandoned;
    const sl = slBase > 0 ? Math.min(100, (r.within / slBase) * 100) : undefined;
    const stats: QueueDayStatsEvent['stats'] = {
      queueId: q,
      day,
      since,
      offered: r.offered,
      answered: r.answered,
      abandoned: r.abandoned,
      shortAbandoned: r.shortAbandoned,
      overflowed: r.overflowed,
      transferred: r.transferred,
      answeredWithinThreshold: r.within,
      ...(r.answered > 0 ? { avgWaitSec: Math.round(r.waitSumMs / r.answered / 1000) } : {}),
      ...(sl !== undefined ? { serviceLevelPct: sl } : {}),
      thresholdSec: opts.thresholdSec,
      shortAbandonSec: opts.shortAbandonSec,
      unseen: unseenSpans(spans, since, current >= 0 ? at : Math.max(at, since)),
    };
    const out: DomainEvent[] = [{ kind: 'queue.dayStats', source: 'rte', at, stats }];
    if (sl !== undefined) out.push({ kind: 'queue.upsert', source: 'rte', at, id: q, stats: { serviceLevelPct: sl } });
    return out;
  }

  const all = (at: number) => queues.flatMap((q) => statsOf(q, record(q), at));

  return {
    load(queueIds, at) {
      queues = [...queueIds];
      roll(at);
      return all(at);
    },
    onCall(e) {
      const at = e.at;
      const rolled = roll(at);
      const r = record(e.queueId);
      const t = r.calls[e.callId];
      let changed = false;
      if (e.step === 'coming' || e.step === 'arrived') {
        if (!t) {
          r.calls[e.callId] = { a: at };
          r.offered += 1;
          changed = true;
        }
      } else if (t) {
        const waitMs = at - t.a;
        if (e.step === 'connected' && t.c === undefined) {
          t.c = at;
          r.answered += 1;
          r.waitSumMs += waitMs;
          if (waitMs <= thresholdMs) r.within += 1;
          changed = true;
        } else if (e.step === 'overflow' && t.c === undefined) {
          r.overflowed += 1;
          delete r.calls[e.callId];
          changed = true;
        } else if (e.step === 'transferConnected' && t.c === undefined) {
          r.transferred += 1;
          delete r.calls[e.callId];
          changed = true;
        } else if (e.step === 'disconnected') {
          if (t.c === undefined) {
            r.abandoned += 1;
            if (waitMs <= shortMs) r.shortAbandoned += 1;
          }
          delete r.calls[e.callId];
          changed = true;
        }
      }
      if (!changed) return rolled ? all(at) : [];
      for (const [id, c] of Object.entries(r.calls)) if (at - c.a > MAX_CALL_AGE_MS) delete r.calls[id];
      save(e.queueId, r);
      return rolled ? all(at) : statsOf(e.queueId, r, at);
    },
    setSeeing(seeing, at) {
      roll(at);
      if (seeing === current >= 0) return [];
      if (seeing) {
        spans.push([at, at]);
        current = spans.length - 1;
      } else {
        const s = spans[current];
        if (s) s[1] = at;
        current = -1;
      }
      saveSpans();
      return all(at);
    },
    tick(at) {
      const rolled = roll(at);
      const s = current >= 0 ? spans[current] : undefined;
      if (s) {
        s[1] = at;
        saveSpans();
      }
      return rolled ? all(at) : [];
    },
  };
}
