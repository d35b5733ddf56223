import type { z } from '../../domain/zod';
import type { ReasonCodeLabels, SourceId, SourcePorts } from '../../domain';
import type { Scheduler } from '../../lib/scheduler';
import type { StompSessions } from '../stomp/shared';
import type { Connector, Emit } from './types';

/**
 * What the app hands every connector it creates (docs/ADDING-A-BACKEND.md).
 */
export interface ConnectorContext {
  /**
   * Where the connector delivers its events: already guarded at the edge (every event is
   * checked once against the domain schema; a bad one becomes one counted `ingest.error`).
   * Never throws.
   */
  readonly emit: Emit;
  /** What relative vendor URLs resolve against: the app's own address. */
  readonly baseUrl: string;
  /** The one scheduler: timers, backoff, liveness, wall-clock time (`wallNow`, epoch ms). */
  readonly scheduler: Scheduler;
  /** The board's configured reason codes (config `reasonCodes`), to label vendor events that carry only a code. */
  readonly reasonCodes: ReasonCodeLabels;
  /** The board's shared broker sessions (one per broker, account and virtual host); owned by the app. */
  readonly stomp: StompSessions;
  /**
   * True on a screen that may send no command (the kiosk, issue 14): the connector reads as
   * usual, but each of its command paths rejects with `readOnlyRefusal()` (domain) before
   * it touches the wire.
   */
  readonly readOnly?: boolean;
}

/** Which pages a backend runs on (see {@link ConnectorModule.scope}). */
export type ModuleScope = 'board' | 'desk';

/**
 * A running backend: the connector owns its transport and reconnection, retries forever
 * with backoff after `start()`, reports `connection.status` events for its source, and
 * offers the command ports its vendor supports.
 */
export interface ConnectorInstance extends Omit<Connector, 'source'> {
  /** The commands this backend offers the panels (none for a read-only source). */
  readonly ports: SourcePorts;
}

/**
 * One backend, as the app's module list holds it (`src/app/modules.ts`): each
 * `src/connectors/<backend>/index.ts` exports exactly one.
 *
 * @typeParam Schema `zod/mini` schema (`src/domain/zod.ts`) of the backend's configuration
 *   block, `sources.<source>` in `config.json`; its output must carry `enabled` (a disabled
 *   source is not created).
 * @typeParam Source the source id, as a literal type (`'rte'`)
 */
export interface ConnectorModule<
  Schema extends z.ZodMiniType<{ readonly enabled: boolean }> = z.ZodMiniType<{ readonly enabled: boolean }>,
  Source extends SourceId = SourceId,
> {
  /** The source id: the key under `sources` in the configuration and of every entity it delivers. */
  readonly source: Source;
  /** The vendor product's name, shown in connection health (not translated). */
  readonly displayName: string;
  /** Validates `sources.<source>` (defaults applied; unknown keys refused). */
  readonly configSchema: Schema;
  /** The ports this backend can offer (what the panels may find for its entities). */
  readonly offers: readonly (keyof SourcePorts)[];
  /**
   * Where the backend runs: `board` (default) on the supervisor board and the kiosk; `desk`
   * only on the agent's own page (`/agent`: one agent's desk, e.g. b+s Connects CIL), never
   * on the kiosk.
   */
  readonly scope?: ModuleScope;
  /**
   * Creates the backend's connector (not started) from its validated configuration.
   * @throws only on a programming error; bad configuration is refused by `configSchema` first
   */
  create(config: z.output<Schema>, context: ConnectorContext): ConnectorInstance;
}
