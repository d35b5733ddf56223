/**
 * Maps parsed Generic Connector events to `DomainEvent`s (docs/CONTRACTS.md "GC mappings";
 * gc-generic-connector-activemq.txt "Event: State", "Event: AgentInfo", "Event: QueueList",
 * "Event: TeamUsersList"; NOTES.md §3). Pure apart from the per-agent memory it keeps to
 * merge events (see {@link createGcMapper}); never throws.
 */
import type {
  AgentState,
  AgentUpsertEvent,
  DomainEvent,
  QueueStats,
  QueueUpsertEvent,
} from '../../domain';
import { ingestErrorEvent, quote } from '../transport/events';
import type { ReasonCodeLabels } from '../../domain';
import type {
  GcAgentInfo,
  GcEvent,
  GcParseResult,
  GcPhonebookContacts,
  GcPhonebooks,
  GcQueueList,
  GcState,
  GcTeamUsersList,
} from './gc-wire';

const SOURCE = 'gc' as const;

/**
 * Normalises a Finesse state (gc doc "Event: State", `<agent_current_state>`) to the domain
 * `AgentState`: RESERVED_OUTBOUND and RESERVED_OUTBOUND_PREVIEW → RESERVED; anything not in
 * the Finesse list → UNKNOWN (the vendor text stays in `vendorState`). Case-insensitive.
 */
export function normalizeFinesseState(vendorState: string): AgentState {
  switch (vendorState.trim().toUpperCase()) {
    case 'LOGOUT':
      return 'LOGOUT';
    case 'NOT_READY':
      return 'NOT_READY';
    case 'READY':
      return 'READY';
    case 'RESERVED':
    case 'RESERVED_OUTBOUND':
    case 'RESERVED_OUTBOUND_PREVIEW':
      return 'RESERVED';
    case 'TALKING':
      return 'TALKING';
    case 'HOLD':
      return 'HOLD';
    case 'WORK':
      return 'WORK';
    case 'WORK_READY':
      return 'WORK_READY';
    default:
      return 'UNKNOWN';
  }
}

/**
 * Parses a vendor time: epoch milliseconds as digits, or an ISO-8601 / RFC date string.
 * @returns epoch ms, or undefined when empty or unparseable
 */
export function parseVendorTime(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  if (t === '') return undefined;
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  const ms = Date.parse(t.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) ? ms : undefined;
}

/** Settings of {@link createGcMapper} (from `GcSourceConfig` and the board's `reasonCodes`). */
export interface GcMapperOptions {
  /** QueueList / TeamUsersList / team lists are taken only from this login id. */
  readonly supervisorLoginId: string;
  /** State events (and team-list users) only for these login ids; empty = all. */
  readonly agentLoginIds?: readonly string[];
  /** Labels for reason codes a State event sends without a label. */
  readonly reasonCodes?: ReasonCodeLabels;
}

/** Context the connector passes per message. */
export interface GcMapContext {
  /** True when a command for this login id awaits confirmation: its `Error` events are counted. */
  readonly commandPending?: (loginId: string) => boolean;
  /**
   * The phonebook whose contacts this login id asked for last (`PhonebookContacts` does not
   * name its phonebook: it answers the last request). Undefined: the contacts are not mapped.
   */
  readonly contactsPhonebookId?: (loginId: string) => string | undefined;
}

/** A stateful mapper for one GC connection. */
export interface GcMapper {
  /**
   * Maps one parse result received at `at` (epoch ms) to domain events:
   * failures and non-fatal issues → `ingest.error` (code = the issue code), then the
   * event's own upserts / snapshots. Never throws.
   */
  map(result: GcParseResult, at: number, ctx?: GcMapContext): DomainEvent[];
  /**
   * Forgets remembered agents, states and AgentInfo values. The connector calls it on every
   * (re)connect, so nothing remembered from before an outage passes as fresh.
   */
  reset(): void;
}

interface KnownState {
  readonly state: AgentState;
  readonly reasonCodeId?: string;
  readonly reasonLabel?: string;
}

interface KnownInfo {
  readonly name?: string;
  readonly teamId?: string;
  readonly isSupervisor: boolean;
}

const nonEmpty = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/**
 * Creates a GC mapper.
 *
 * Memory it keeps: per agent the last State-event state and reason (a TeamUsersList entry
 * in the same state keeps that reason code instead of clearing it, since `agent.upsert`
 * with a `state` clears absent reason fields); the AgentInfo values per login id; and which
 * agents are "known" (seen in a State event or the last TeamUsersList). AgentInfo for an
 * agent not known yet is held back and merged into its first State / TeamUsersList upsert,
 * so AgentInfo (sent for everyone periodically) never creates a state-less tile that the next
 * TeamUsersList snapshot would remove again.
 */
export function createGcMapper(opts: GcMapperOptions): GcMapper {
  const filter = new Set(opts.agentLoginIds ?? []);
  const showAgent = (id: string) => filter.size === 0 || filter.has(id);
  const lastState = new Map<string, KnownState>();
  const info = new Map<string, KnownInfo>();
  const known = new Set<string>();

  const labelFor = (state: AgentState, reasonCodeId: string | undefined): string | undefined => {
    if (reasonCodeId === undefined) return undefined;
    const list = state === 'NOT_READY' ? opts.reasonCodes?.notReady : state === 'LOGOUT' ? opts.reasonCodes?.logout : undefined;
    return list?.find((r) => r.id === reasonCodeId)?.label;
  };

  /** Adds held-back AgentInfo fields to the first upsert of an agent. */
  const withInfo = (id: string, e: AgentUpsertEvent): AgentUpsertEvent => {
    if (known.has(id)) return e;
    known.add(id);
    const i = info.get(id);
    if (!i) return e;
    return {
      ...e,
      ...(e.name === undefined && i.name !== undefined ? { name: i.name } : {}),
      ...(i.teamId !== undefined ? { teamId: i.teamId } : {}),
      isSupervisor: i.isSupervisor,
    };
  };

  function mapState(s: GcState, at: number): DomainEvent[] {
    if (!showAgent(s.loginId)) return [];
    const state = normalizeFinesseState(s.state);
    const rc = s.reasonCodeId.trim();
    const reasonCodeId = rc === '' || rc === '-1' ? undefined : rc;
    const reasonLabel = nonEmpty(s.reasonLabel) ?? labelFor(state, reasonCodeId);
    const since = parseVendorTime(s.stateChangeTime) ?? parseVendorTime(s.stateChangeTimeString);
    const name = nonEmpty(s.fullName) ?? nonEmpty(s.loginName);
    lastState.set(s.loginId, { state, ...(reasonCodeId ? { reasonCodeId } : {}), ...(reasonLabel ? { reasonLabel } : {}) });
    const e: AgentUpsertEvent = {
      kind: 'agent.upsert',
      source: SOURCE,
      at,
      id: s.loginId,
      state,
      vendorState: s.state,
      ...(since !== undefined ? { stateSince: since, vendorTime: since } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(reasonCodeId !== undefined ? { reasonCodeId } : {}),
      ...(reasonLabel !== undefined ? { reasonLabel } : {}),
      ...(nonEmpty(s.pendingState) !== undefined ? { pendingState: s.pendingState.trim() } : {}),
      ...(nonEmpty(s.extension) !== undefined ? { extension: s.extension.trim() } : {}),
    };
    return [withInfo(s.loginId, e)];
  }

  function mapAgentInfo(a: GcAgentInfo, at: number): DomainEvent[] {
    const out: DomainEvent[] = [];
    if (a.teams && a.loginId === opts.supervisorLoginId) {
      for (const t of a.teams) {
        out.push({ kind: 'team.upsert', source: SOURCE, at, id: t.id, ...(t.name ? { name: t.name } : {}) });
      }
    }
    if (!showAgent(a.loginId)) return out;
    const name = nonEmpty(a.fullName) ?? nonEmpty(`${a.firstName} ${a.lastName}`) ?? nonEmpty(a.loginName);
    const teamId = nonEmpty(a.teamId);
    info.set(a.loginId, { ...(name ? { name } : {}), ...(teamId ? { teamId } : {}), isSupervisor: a.isSupervisor });
    if (known.has(a.loginId)) {
      out.push({
        kind: 'agent.upsert',
        source: SOURCE,
        at,
        id: a.loginId,
        ...(name !== undefined ? { name } : {}),
        ...(teamId !== undefined ? { teamId } : {}),
        isSupervisor: a.isSupervisor,
      });
    }
    return out;
  }

  function mapTeamUsers(l: GcTeamUsersList, at: number): DomainEvent[] {
    if (l.loginId !== opts.supervisorLoginId) return [];
    const out: DomainEvent[] = [];
    const ids: string[] = [];
    let complete = true;
    const listed = new Set<string>();
    for (const u of l.users) {
      const id = nonEmpty(u.get('loginid'));
      if (id === undefined) {
        complete = false;
        out.push(ingestErrorEvent(SOURCE, 'missing-id', `TeamUsersList from ${quote(l.loginId)}: a user has no LoginID`, at));
        continue;
      }
      if (!showAgent(id)) continue;
      ids.push(id);
      listed.add(id);
      const vendorState = nonEmpty(u.get('state'));
      const name = nonEmpty(`${u.get('firstname') ?? ''} ${u.get('lastname') ?? ''}`);
      const ext = nonEmpty(u.get('extension'));
      const e: {
        -readonly [K in keyof AgentUpsertEvent]: AgentUpsertEvent[K];
      } = { kind: 'agent.upsert', source: SOURCE, at, id };
      if (name !== undefined) e.name = name;
      if (ext !== undefined) e.extension = ext;
      if (vendorState !== undefined) {
        const state = normalizeFinesseState(vendorState);
        e.state = state;
        e.vendorState = vendorState;
        const prev = lastState.get(id);
        const same = prev !== undefined && prev.state === state;
        const label = nonEmpty(u.get('statechangelabel')) ?? (same ? prev.reasonLabel : undefined);
        if (same && prev.reasonCodeId !== undefined) e.reasonCodeId = prev.reasonCodeId;
        if (label !== undefined) e.reasonLabel = label;
        const pending = nonEmpty(u.get('pendingstate'));
        if (pending !== undefined) e.pendingState = pending;
        const since = parseVendorTime(u.get('statechangetime'));
        if (since !== undefined) e.stateSince = since;
        if (!same) lastState.set(id, { state, ...(label ? { reasonLabel: label } : {}) });
      }
      out.push(withInfo(id, e));
    }
    // Agents no longer listed stop being "known" (the snapshot removes them).
    if (complete) {
      for (const id of [...known]) if (!listed.has(id)) known.delete(id);
      out.push({ kind: 'snapshot', source: SOURCE, at, entity: 'agent', ids });
    }
    return out;
  }

  function mapQueueList(l: GcQueueList, at: number): DomainEvent[] {
    if (l.loginId !== opts.supervisorLoginId) return [];
    const out: DomainEvent[] = [];
    const ids: string[] = [];
    let complete = true;
    for (const pairs of l.queues) {
      const r = queuesOf(pairs, at, (code, message) => out.push(ingestErrorEvent(SOURCE, code, message, at)));
      if (r.length === 0) complete = false;
      for (const qe of r) {
        ids.push(qe.id);
        out.push(qe);
      }
    }
    if (complete) out.push({ kind: 'snapshot', source: SOURCE, at, entity: 'queue', ids });
    return out;
  }

  /** Phonebook lists are kept for the supervisor and the configured agents only (the topic is shared). */
  const owns = (loginId: string) => loginId === opts.supervisorLoginId || filter.has(loginId);

  function mapPhonebooks(p: GcPhonebooks, at: number): DomainEvent[] {
    if (!owns(p.loginId)) return [];
    return [
      {
        kind: 'phonebook.list',
        source: SOURCE,
        at,
        owner: p.loginId,
        scope: p.event === 'TeamPhoneBooks' ? 'team' : 'agent',
        phonebooks: p.phonebooks.map((b) => ({ id: b.id, name: b.name, type: b.type })),
      },
    ];
  }

  function mapContacts(c: GcPhonebookContacts, at: number, ctx: GcMapContext | undefined): DomainEvent[] {
    if (!owns(c.loginId)) return [];
    const phonebookId = ctx?.contactsPhonebookId?.(c.loginId);
    if (phonebookId === undefined || phonebookId === '') return [];
    return [
      {
        kind: 'phonebook.contacts',
        source: SOURCE,
        at,
        phonebookId,
        contacts: c.contacts.map((x) => ({ id: x.id, firstName: x.firstName, lastName: x.lastName, phoneNumber: x.phoneNumber, description: x.description })),
      },
    ];
  }

  return {
    map(result, at, ctx) {
      try {
        if (!result.ok) return [ingestErrorEvent(SOURCE, result.issue.code, result.issue.message, at)];
        const out: DomainEvent[] = result.issues.map((i) => ingestErrorEvent(SOURCE, i.code, i.message, at));
        const ev: GcEvent = result.event;
        switch (ev.event) {
          case 'State':
            out.push(...mapState(ev, at));
            break;
          case 'AgentInfo':
            out.push(...mapAgentInfo(ev, at));
            break;
          case 'TeamUsersList':
            out.push(...mapTeamUsers(ev, at));
            break;
          case 'QueueList':
            out.push(...mapQueueList(ev, at));
            break;
          case 'Phonebooks':
          case 'TeamPhoneBooks':
            out.push(...mapPhonebooks(ev, at));
            break;
          case 'PhonebookContacts':
            out.push(...mapContacts(ev, at, ctx));
            break;
          case 'Error': {
            const relevant =
              ev.loginId === opts.supervisorLoginId || filter.has(ev.loginId) || (ctx?.commandPending?.(ev.loginId) ?? false);
            if (relevant)
              out.push(ingestErrorEvent(SOURCE, 'vendor-error', `${quote(ev.loginId)}: ${quote(ev.code)} ${quote(ev.message)}`.trim(), at));
            break;
          }
        }
        return out;
      } catch (e) {
        return [ingestErrorEvent(SOURCE, 'malformed-frame', `could not map GC event: ${quote(e instanceof Error ? e.message : e)}`, at)];
      }
    },
    reset() {
      lastState.clear();
      info.clear();
      known.clear();
    },
  };
}

// ---------------------------------------------------------------------------------------
// QueueList (NOTES.md §3, our contract; CONTRACTS.md "GC mappings")

/**
 * UCCE keys (gc doc "Event: QueueList", UCCE payload), lower-cased → stat. The three talking
 * counts are kept apart and summed into `agentsTalking`, the two wrap-up counts likewise into
 * `agentsWrapUp` (each sum only over the counts the payload carries).
 */
const UCCE_KEYS: Readonly<Record<string, keyof QueueStats>> = {
  number_of_callsinqueue: 'callsWaiting',
  number_of_agents_ready: 'agentsReady',
  number_of_agents_notready: 'agentsNotReady',
  number_of_agents_talking_inbound: 'agentsTalkingInbound',
  number_of_agents_talking_outbound: 'agentsTalkingOutbound',
  number_of_agents_talking_internal: 'agentsTalkingInternal',
  number_of_agents_in_wrapup_ready_state: 'agentsWrapUpReady',
  number_of_agents_in_wrapup_notready_state: 'agentsWrapUpNotReady',
};

/**
 * When the longest-waiting call of a UCCE queue started waiting: not in the vendor's
 * (truncated) key list; our contract takes Finesse's own queue-statistics name
 * `startTimeOfLongestCallInQueue` (epoch ms or ISO-8601; empty while nobody waits),
 * matched case-insensitively (NOTES.md §3: unknown keys are kept, missing keys absent).
 */
const UCCE_LONGEST_KEY = 'starttimeoflongestcallinqueue';

/** UCCX CSQ name keys after `queue_<n>_` (the vendor's truncated copy names none; our contract). */
const UCCX_NAME_KEYS: ReadonlySet<string> = new Set(['name', 'csqname', 'csq_name']);

/** UCCX key suffixes after `queue_<n>_` (gc doc "Event: QueueList", UCCX payload), lower-cased → stat. */
const UCCX_KEYS: Readonly<Record<string, keyof QueueStats>> = {
  waitingcalls: 'callsWaiting',
  agentsloggedin: 'agentsLoggedIn',
  agentsinaftercallwork: 'agentsWrapUp',
  agentstalking: 'agentsTalking',
  agentsreserved: 'agentsReserved',
  handledcalls: 'callsHandled',
  abandonedcalls: 'callsAbandoned',
  totalcalls: 'callsOffered',
  longesthandletime: 'longestHandleTimeSec',
};

/** UCCX: how long the oldest call of the CSQ has waited, seconds (our contract, like UCCE's start time). */
const UCCX_LONGEST_WAIT_SUFFIX = 'longestwaitingtime';

/**
 * Service level of a UCCX CSQ in percent, from the payload's own counts: handled ÷ total
 * (calls presented) × 100 (gc doc "Event: QueueList": `HandledCalls`, `TotalCalls`). Labelled
 * "handled ÷ presented" on the tile: not answered-within-threshold. Undefined unless both are
 * sent and total > 0.
 */
export function handledServiceLevelPct(handled: number | undefined, total: number | undefined): number | undefined {
  if (handled === undefined || total === undefined || total <= 0) return undefined;
  return Math.min(100, (handled / total) * 100);
}

type Report = (code: 'wrong-type' | 'missing-id', message: string) => void;

/** A non-negative count or duration; '' → undefined silently; other text → undefined + `wrong-type`. */
function numberOf(key: string, value: string, report: Report): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(v)) {
    report('wrong-type', `QueueList: ${quote(key)} = "${quote(v)}" is not a non-negative number`);
    return undefined;
  }
  return Number(v);
}

function queuesOf(pairs: ReadonlyMap<string, string>, at: number, report: Report): QueueUpsertEvent[] {
  let ucceId: string | undefined;
  for (const [k, v] of pairs) if (k.toLowerCase() === 'queue_name') ucceId = v.trim();
  if (ucceId !== undefined && ucceId !== '') return [ucceQueue(ucceId, pairs, at, report)];
  const groups = new Map<string, { stats: Record<string, number>; extra: Record<string, string>; name?: string; waitSec?: number }>();
  const loose: Array<[string, string]> = [];
  for (const [k, v] of pairs) {
    const m = /^queue_(\d+)_(.+)$/i.exec(k);
    if (!m) {
      if (k.toLowerCase() !== 'queue_name') loose.push([k, v]);
      continue;
    }
    const id = `queue_${m[1] ?? ''}`;
    let g = groups.get(id);
    if (!g) {
      g = { stats: Object.create(null) as Record<string, number>, extra: Object.create(null) as Record<string, string> };
      groups.set(id, g);
    }
    const suffix = (m[2] ?? '').toLowerCase();
    const stat = UCCX_KEYS[suffix];
    if (UCCX_NAME_KEYS.has(suffix)) {
      if (v.trim()) g.name = v.trim();
    } else if (suffix === UCCX_LONGEST_WAIT_SUFFIX) {
      const n = numberOf(k, v, report);
      if (n !== undefined) g.waitSec = n;
    } else if (stat !== undefined && Object.hasOwn(UCCX_KEYS, suffix)) {
      const n = numberOf(k, v, report);
      if (n !== undefined) g.stats[stat] = n;
    } else {
      g.extra[k] = v;
    }
  }
  if (groups.size === 0) {
    report('missing-id', `QueueList: a queue has neither queue_name nor queue_<n>_ keys (${quote([...pairs.keys()].join(','))})`);
    return [];
  }
  const first = groups.values().next().value;
  if (first) for (const [k, v] of loose) first.extra[k] = v;
  return [...groups].map(([id, g]) => {
    const extra = { ...g.extra };
    const sl = handledServiceLevelPct(g.stats.callsHandled, g.stats.callsOffered);
    if (sl !== undefined) g.stats.serviceLevelPct = sl;
    // Longest waiting only while calls wait (an emptied CSQ has none; the reducer clears it on 0).
    if (g.waitSec !== undefined && (g.stats.callsWaiting ?? 0) > 0) g.stats.longestWaitingSince = at - Math.round(g.waitSec * 1000);
    return {
      kind: 'queue.upsert' as const,
      source: SOURCE,
      at,
      id,
      name: g.name ?? id,
      stats: { ...g.stats } as QueueStats,
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
      // A QueueList entry is the queue's whole picture: a figure it leaves out is absent.
      replaceStats: true,
    };
  });
}

function ucceQueue(id: string, pairs: ReadonlyMap<string, string>, at: number, report: Report): QueueUpsertEvent {
  const stats: Record<string, number> = Object.create(null) as Record<string, number>;
  const extra: Record<string, string> = Object.create(null) as Record<string, string>;
  let longestSince: number | undefined;
  for (const [k, v] of pairs) {
    const lk = k.toLowerCase();
    if (lk === 'queue_name') continue;
    if (lk === UCCE_LONGEST_KEY) {
      if (v.trim() === '') continue;
      longestSince = parseVendorTime(v);
      if (longestSince === undefined) report('wrong-type', `QueueList: ${quote(k)} = "${quote(v.trim())}" is not a time`);
      continue;
    }
    const target = Object.hasOwn(UCCE_KEYS, lk) ? UCCE_KEYS[lk] : undefined;
    if (target === undefined) {
      extra[k] = v;
      continue;
    }
    const n = numberOf(k, v, report);
    if (n !== undefined) stats[target] = n;
  }
  const sum = (...keys: (keyof QueueStats)[]): number | undefined => {
    let total: number | undefined;
    for (const key of keys) if (stats[key] !== undefined) total = (total ?? 0) + (stats[key] ?? 0);
    return total;
  };
  const talking = sum('agentsTalkingInbound', 'agentsTalkingOutbound', 'agentsTalkingInternal');
  const wrapup = sum('agentsWrapUpReady', 'agentsWrapUpNotReady');
  if (talking !== undefined) stats.agentsTalking = talking;
  if (wrapup !== undefined) stats.agentsWrapUp = wrapup;
  if (longestSince !== undefined && (stats.callsWaiting ?? 0) > 0) stats.longestWaitingSince = Math.min(longestSince, at);
  const extraCopy = { ...extra };
  return {
    kind: 'queue.upsert',
    source: SOURCE,
    at,
    id,
    name: id,
    stats: { ...stats } as QueueStats,
    ...(Object.keys(extraCopy).length > 0 ? { extra: extraCopy } : {}),
    // A QueueList entry is the queue's whole picture: a figure it leaves out is absent.
    replaceStats: true,
  };
}
