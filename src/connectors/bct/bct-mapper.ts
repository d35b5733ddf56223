/**
 * Business ConneCT adapter events → domain events (bct-business-connect-adapter.txt
 * "Events"; NOTES.md §4; docs/CONTRACTS.md "BCT simulator"). Pure: no timers, no I/O.
 *
 * - RouterStatus → `router.upsert` (the longest wait as a start time: receipt − `maxWaitingTime` s;
 *   an empty queue clears it); routers not configured (when `routerNames` is set) are counted
 *   as notices, not shown.
 * - ConnectionStatus → `adapter.status` (the adapter's own link to BCT, in connection health).
 * - AlarmNotification → `alarm.raise` / `alarm.clear`, keyed by the vendor's `id` and `source`
 *   (an active BCT alarm is identified by both); dated by the vendor's `dateTime` in the
 *   configured time zone.
 * - EmergencyCall → `emergency.call` (flushed at once by its store).
 * - Web chat events → `chat.request` / `chat.message` / `chat.choiceAnswer` / `chat.ended`
 *   (bct doc "Events: Web Chat ..."), each with the envelope's `instance` (the vendor's
 *   warning: every command for the session goes to that instance).
 * - Events of another adapter instance → `vendor.notice` (`<event> (instance <name>)`).
 * - Parse problems → `ingest.error` with the parser's code; the valid fields still apply.
 */
import type { DomainEvent, RouterStats } from '../../domain';
import { ingestErrorEvent, quote } from '../transport/events';
import type { BctCurrentAlarms } from './bct-commands';
import { parseBctDate, type BctAlarm, type BctEvent, type BctParseResult } from './bct-wire';

/** What the mapper needs from the configuration. */
export interface BctMapperOptions {
  /** The adapter instance this board follows (`sources.bct.instance`); empty = any. */
  readonly instance: string;
  /** Routers shown (`sources.bct.routerNames`); empty = every router the adapter reports. */
  readonly routerNames: readonly string[];
  /** IANA time zone of the vendor's dates (`sources.bct.timeZone`). */
  readonly timeZone: string;
}

/** The wallboard's id of a BCT alarm within the source: the vendor's `id` and `source` together. */
export function bctAlarmKey(a: { readonly id: string; readonly source: string }): string {
  return `${a.id}|${a.source}`;
}

/** The adapter's name in connection health. */
export function bctAdapterName(instance: string): string {
  return instance ? `Business ConneCT adapter ${instance}` : 'Business ConneCT adapter';
}

function alarmRaise(a: BctAlarm, at: number, timeZone: string, out: DomainEvent[]): void {
  const vendorTime = parseBctDate(a.dateTime, timeZone);
  if (vendorTime === undefined && a.dateTime.trim() !== '') {
    out.push(ingestErrorEvent('bct', 'wrong-type', `alarm ${quote(a.id)}: dateTime ${quote(a.dateTime)} is not M/d/yyyy h:mm:ss AM|PM in ${timeZone}`, at));
  }
  out.push({
    kind: 'alarm.raise',
    source: 'bct',
    at,
    ...(vendorTime !== undefined ? { vendorTime } : {}),
    id: bctAlarmKey(a),
    vendorId: a.id,
    condition: a.message.trim() || `Alarm ${a.id}`,
    ...(a.source.trim() ? { entityName: a.source.trim() } : {}),
    severity: 'alarm',
  });
}

function mapEvent(ev: BctEvent, envelope: { instance: string; timestamp?: number }, at: number, opts: BctMapperOptions, out: DomainEvent[]): void {
  switch (ev.event) {
    case 'RouterStatus': {
      if (opts.routerNames.length > 0 && !opts.routerNames.includes(ev.routerName)) {
        out.push({ kind: 'vendor.notice', source: 'bct', at, eventName: 'RouterStatus (router not configured)', entityId: ev.routerName });
        return;
      }
      const stats: { -readonly [K in keyof RouterStats]: RouterStats[K] } = {};
      for (const k of ['queueLength', 'idleAgents', 'loggedOnAgents', 'notReadyAgents', 'workingAgents', 'activeAgents', 'inactiveAgents'] as const) {
        const v = ev[k];
        if (v !== undefined) stats[k] = v;
      }
      if (ev.queueLength !== 0 && ev.maxWaitingTime !== undefined) stats.maxWaitingSince = at - ev.maxWaitingTime * 1000;
      out.push({ kind: 'router.upsert', source: 'bct', at, id: ev.routerName, stats });
      return;
    }
    case 'ConnectionStatus': {
      const detail = [ev.bctServerAddress, ev.bctServerPort].filter(Boolean).join(':');
      out.push({ kind: 'adapter.status', source: 'bct', at, adapter: bctAdapterName(envelope.instance || opts.instance), connected: ev.status, ...(detail ? { detail } : {}) });
      return;
    }
    case 'AlarmNotification':
      if (ev.resolved) out.push({ kind: 'alarm.clear', source: 'bct', at, id: bctAlarmKey(ev) });
      else alarmRaise(ev, at, opts.timeZone, out);
      return;
    case 'EmergencyCall':
      out.push({
        kind: 'emergency.call',
        source: 'bct',
        at,
        id: `${envelope.instance}|${envelope.timestamp ?? at}|${ev.callingNumber}|${ev.calledEmergencyNumber}`,
        calledNumber: ev.calledEmergencyNumber,
        callingNumber: ev.callingNumber,
        ...(ev.callerName ? { callerName: ev.callerName } : {}),
        ...(ev.callerLocation ? { callerLocation: ev.callerLocation } : {}),
      });
      return;
    case 'WebChatRequest':
      out.push({ kind: 'chat.request', source: 'bct', at, sessionId: ev.sessionId, instance: envelope.instance, initiator: ev.initiator, email: ev.email, router: ev.router, language: ev.language });
      return;
    case 'WebChatMessage':
      out.push({
        kind: 'chat.message',
        source: 'bct',
        at,
        sessionId: ev.sessionId,
        instance: envelope.instance,
        ...(ev.externalId ? { externalId: ev.externalId } : {}),
        message: ev.message,
        senderName: ev.senderName,
        isSenderAgent: ev.isSenderAgent,
        agentRequested: ev.agentRequested,
        agentJoined: ev.agentJoined,
      });
      return;
    case 'WebChatChoiceAnswer':
      out.push({
        kind: 'chat.choiceAnswer',
        source: 'bct',
        at,
        sessionId: ev.sessionId,
        instance: envelope.instance,
        ...(ev.externalId ? { externalId: ev.externalId } : {}),
        choiceAnswer: ev.choiceAnswer,
        senderName: ev.senderName,
      });
      return;
    case 'WebChatSessionEnded':
      out.push({ kind: 'chat.ended', source: 'bct', at, sessionId: ev.sessionId, instance: envelope.instance, ...(ev.externalId ? { externalId: ev.externalId } : {}) });
      return;
  }
}

/**
 * Maps one parsed broker message.
 * @param at receipt time, epoch ms
 */
export function mapBctMessage(result: BctParseResult, at: number, opts: BctMapperOptions): DomainEvent[] {
  if (!result.ok) return [ingestErrorEvent('bct', result.issue.code, result.issue.message, at)];
  const out: DomainEvent[] = result.issues.map((i) => ingestErrorEvent('bct', i.code, i.message, at));
  const inst = result.envelope.instance;
  if (opts.instance && inst !== opts.instance) {
    out.push({ kind: 'vendor.notice', source: 'bct', at, eventName: `${result.event.event} (instance ${inst || 'none'})`, entityId: inst || 'none' });
    return out;
  }
  mapEvent(result.event, result.envelope, at, opts, out);
  return out;
}

/**
 * The GetCurrentAlarms answer as domain events: each alarm raised (again), then
 * `alarm.reconcile` with the complete list, so alarms resolved while the board was not
 * listening leave the active list; alarms that could not be read are counted.
 * @param at receipt time, epoch ms
 */
export function mapCurrentAlarms(current: BctCurrentAlarms, at: number, opts: BctMapperOptions): DomainEvent[] {
  const out: DomainEvent[] = current.issues.map((i) => ingestErrorEvent('bct', i.code, i.message, at));
  for (const a of current.alarms) alarmRaise(a, at, opts.timeZone, out);
  out.push({ kind: 'alarm.reconcile', source: 'bct', at, activeIds: current.alarms.map(bctAlarmKey) });
  return out;
}
