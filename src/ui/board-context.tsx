import { createContext, useContext } from 'react';
import {
  createPortDirectory,
  type AgentCommandPort,
  type AgentStateCommand,
  type NoPortReason,
  type PortDirectory,
  type PortKind,
  type ReasonCodeLabel,
  type ReasonCodeLabels,
  type SourceId,
  type SourcePorts,
} from '../domain';

/** One reason code the board offers (configured `reasonCodes.*[]`; the domain's {@link ReasonCodeLabel}). */
export type ReasonOption = ReasonCodeLabel;

/** Threshold settings the panels colour figures by (configured `thresholds`). */
export interface BoardThresholds {
  readonly callsWaitingWarn?: number;
  readonly callsWaitingAlarm?: number;
  readonly longestWaitingWarnSec?: number;
  readonly longestWaitingAlarmSec?: number;
  readonly serviceLevelWarnPct?: number;
  readonly serviceLevelAlarmPct?: number;
  readonly notReadyWarnSec?: number;
  readonly routerQueueLengthWarn?: number;
  readonly routerQueueLengthAlarm?: number;
  readonly routerMaxWaitingWarnSec?: number;
  readonly routerMaxWaitingAlarmSec?: number;
}

/**
 * The part of the board configuration the panels read. Declared here structurally because
 * `ui/` may import only `domain/`; the validated `BoardConfig` is assignable to it.
 */
export interface BoardSettings {
  readonly title: string;
  readonly thresholds: BoardThresholds;
  readonly reasonCodes: ReasonCodeLabels;
  /** Link to the simulator's controls (demo only; configured `simulatorUrl`), shown in the supervisor header. */
  readonly simulatorUrl?: string;
  /** Emergency calls on a TV: shown for `kioskShowSec` seconds; the alert sound only when `kioskSound`. */
  readonly emergency?: { readonly kioskShowSec: number; readonly kioskSound: boolean };
}

/** A request to put an agent into a state, as the panels send it (the domain's command). */
export type AgentStateRequest = AgentStateCommand;

/** The command port as the panels see it (the domain's {@link AgentCommandPort}). */
export type AgentStatePort = AgentCommandPort;

/** What the app provides to every panel. */
export interface BoardContextValue {
  readonly config: BoardSettings;
  /**
   * The command ports per source: a panel looks up the port for an entity's source
   * ({@link usePort}). On the kiosk route it gives none (reason `read-only`).
   */
  readonly ports: PortDirectory;
}

const EMPTY: BoardContextValue = {
  config: { title: 'Contact centre', thresholds: {}, reasonCodes: { notReady: [], logout: [] } },
  ports: createPortDirectory({}, true),
};

/** React context carrying the configuration and the ports (provided by `app/`). */
export const BoardContext = createContext<BoardContextValue>(EMPTY);

/** The board configuration and ports provided by the app (read-only defaults outside a provider). */
export function useBoard(): BoardContextValue {
  return useContext(BoardContext);
}

/**
 * The port of `kind` for entities of `source` on this screen, with the reason when there
 * is none (so the panel can say why on hover): `{ port }` or `{ port: undefined, whyNot }`.
 */
export function usePort<K extends PortKind>(
  source: SourceId,
  kind: K,
): { readonly port: SourcePorts[K] | undefined; readonly whyNot: NoPortReason | undefined } {
  const { ports } = useContext(BoardContext);
  return { port: ports.get(source, kind), whyNot: ports.whyNot(source, kind) };
}
