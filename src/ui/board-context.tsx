import { createContext, useContext } from 'react';
import type { AgentCommandPort, AgentStateCommand } from '../domain';

/** One reason code the board offers (configured `reasonCodes.*[]`). */
export interface ReasonOption {
  readonly id: string;
  readonly label: string;
}

/** Threshold settings the panels colour figures by (configured `thresholds`). */
export interface BoardThresholds {
  readonly callsWaitingWarn?: number;
  readonly callsWaitingAlarm?: number;
  readonly longestWaitingWarnSec?: number;
  readonly longestWaitingAlarmSec?: number;
  readonly serviceLevelWarnPct?: number;
  readonly serviceLevelAlarmPct?: number;
  readonly notReadyWarnSec?: number;
}

/**
 * The part of the board configuration the panels read. Declared here structurally because
 * `ui/` may import only `domain/`; the validated `BoardConfig` is assignable to it.
 */
export interface BoardSettings {
  readonly title: string;
  readonly thresholds: BoardThresholds;
  readonly reasonCodes: {
    readonly notReady: readonly ReasonOption[];
    readonly logout: readonly ReasonOption[];
  };
}

/** A request to put an agent into a state, as the panels send it (the domain's command). */
export type AgentStateRequest = AgentStateCommand;

/** The command port as the panels see it (the domain's {@link AgentCommandPort}). */
export type AgentStatePort = AgentCommandPort;

/** What the app provides to every panel. */
export interface BoardContextValue {
  readonly config: BoardSettings;
  /** Null where no command may be sent (kiosk route, or no source supports commands). */
  readonly commandPort: AgentStatePort | null;
}

const EMPTY: BoardContextValue = {
  config: { title: 'Contact centre', thresholds: {}, reasonCodes: { notReady: [], logout: [] } },
  commandPort: null,
};

/** React context carrying the configuration and the command port (provided by `app/`). */
export const BoardContext = createContext<BoardContextValue>(EMPTY);

/** The board configuration and command port provided by the app (read-only defaults outside a provider). */
export function useBoard(): BoardContextValue {
  return useContext(BoardContext);
}
