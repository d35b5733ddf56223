import type { AgentCommandPort, RouteMessagePort } from './commands';
import type { AgentDeskPort } from './desk';
import type { ChatPort } from './chat';
import type { CallJourneyPort } from './call-journey';
import type { GcDeskPort } from './gc-desk';
import type { SourceId } from './source';

/**
 * The command ports one backend offers the panels (ARCHITECTURE.md data flow: button click
 * → command → connector command port → vendor wire). Each is optional: a backend offers
 * only what its vendor supports (RTE, a read-only event stream, offers none; the Generic
 * Connector offers `agentState`). Later backends add their ports here (chat, alarm
 * acknowledge, reports), each as one optional field.
 */
export interface SourcePorts {
  /** Sets an agent of this source Ready, Not Ready or Logout (see {@link AgentCommandPort}). */
  readonly agentState?: AgentCommandPort;
  /** Routes a message to a starter or router (see {@link RouteMessagePort}). */
  readonly routeMessage?: RouteMessagePort;
  /** The Generic Connector agent desk: mobile login, phonebooks, transfer / conference (see {@link GcDeskPort}). */
  readonly gcDesk?: GcDeskPort;
  /** The signed-in agent's own desk: state, work items, call control (b+s Connects CIL; `/agent` only). */
  readonly agentDesk?: AgentDeskPort;
  /** Web chat: accept / reject, messages, choices, request an agent, leave (Business ConneCT). */
  readonly webChat?: ChatPort;
  /** Call journey reports (OpenMethods UCCX `report.calljourney`; supervisor board only). */
  readonly callJourney?: CallJourneyPort;
}

/** The name of one port, e.g. `agentState`. */
export type PortKind = keyof SourcePorts;

/**
 * Why a panel has no port of a kind for a source, so it can say so (on hover):
 * - `read-only`: this screen sends no commands at all (the kiosk route);
 * - `unsupported`: the source's backend offers no such command (e.g. RTE has no agent-state command);
 * - `not-configured`: the source is not configured or not enabled on this board.
 */
export type NoPortReason = 'read-only' | 'unsupported' | 'not-configured';

/**
 * The ports of every source on a board, as the panels look them up: the port of `kind`
 * for an entity's `source`, or why there is none.
 */
export interface PortDirectory {
  /** The port of `kind` that `source` offers on this screen, or undefined. */
  get<K extends PortKind>(source: SourceId, kind: K): SourcePorts[K] | undefined;
  /** Why {@link PortDirectory.get} gives nothing for this source and kind; undefined when it gives a port. */
  whyNot(source: SourceId, kind: PortKind): NoPortReason | undefined;
}

/**
 * Builds a {@link PortDirectory}.
 * @param bySource the ports each running source offers (a source absent here is not configured)
 * @param readOnly true on a screen that may send no command (the kiosk): every lookup gives
 *   nothing, with reason `read-only`, whatever the sources offer
 */
export function createPortDirectory(bySource: Readonly<Partial<Record<SourceId, SourcePorts>>>, readOnly = false): PortDirectory {
  const own = (source: SourceId): SourcePorts | undefined =>
    Object.prototype.hasOwnProperty.call(bySource, source) ? bySource[source] : undefined;
  return {
    get(source, kind) {
      if (readOnly) return undefined;
      return own(source)?.[kind];
    },
    whyNot(source, kind) {
      if (readOnly) return 'read-only';
      const ports = own(source);
      if (!ports) return 'not-configured';
      return ports[kind] ? undefined : 'unsupported';
    },
  };
}

/** Reason codes configured for the board (config `reasonCodes`): offered in menus and used to label vendor events that carry only a code. */
export interface ReasonCodeLabels {
  /** NOT_READY reason codes: `id` as the vendor sends it (e.g. Finesse reason code id), `label` as shown. */
  readonly notReady: readonly ReasonCodeLabel[];
  /** LOGOUT reason codes. */
  readonly logout: readonly ReasonCodeLabel[];
}

/** One configured reason code. */
export interface ReasonCodeLabel {
  readonly id: string;
  readonly label: string;
}
