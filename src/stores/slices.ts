/**
 * THE list of stores. Everything that enumerates stores derives from it: the store record
 * (`WallboardStores`), `createWallboardStores`, `resetWallboard`, the bus's routing table
 * (which event kind goes to which reducers), the known kinds and the urgent kinds.
 * Adding an entity = one slice file + one line here (docs/ADDING-A-BACKEND.md).
 *
 * Order matters in one way only: after a flush, stores are set in this order, so a
 * listener of a later store (an agent tile reading its source's health or its team)
 * already sees the earlier stores' new state.
 */
import type { DomainEvent, DomainEventKind } from '../domain';
import { agentsSlice } from './agents';
import { connectionsSlice } from './connections';
import { phonebooksSlice } from './phonebooks';
import { deskSlice } from './desk';
import { queuesSlice } from './queues';
import { teamsSlice } from './teams';
import { routersSlice } from './routers';
import { emergenciesSlice } from './emergencies';
import { alarmsSlice } from './alarms';
import { callbacksSlice } from './callbacks';
import { chatsSlice } from './chats';
import { queueCallsSlice, queueDayStatsSlice, queueMembersSlice } from './calls';

/** Every store slice, in the order the bus sets them after a flush. */
export const SLICES = [
  connectionsSlice,
  teamsSlice,
  queuesSlice,
  agentsSlice,
  alarmsSlice,
  callbacksSlice,
  queueCallsSlice,
  queueDayStatsSlice,
  queueMembersSlice,
  routersSlice,
  emergenciesSlice,
  phonebooksSlice,
  deskSlice,
  chatsSlice,
] as const;

/** Any slice of {@link SLICES}. */
export type AnySlice = (typeof SLICES)[number];

/** The name of a store, e.g. `agents`. */
export type SliceName = AnySlice['name'];

/** The state type of the store named `N`. */
export type SliceState<N extends SliceName> = ReturnType<Extract<AnySlice, { readonly name: N }>['initial']>;

// Compile-time exhaustiveness: every DomainEvent kind is taken by some slice.
type Untaken = Exclude<DomainEventKind, AnySlice['kinds'][number]>;
/** `true` when every kind is taken (a kind added to the union and to no slice fails to compile). */
export type EveryKindTaken = [Untaken] extends [never] ? true : { error: 'a DomainEvent kind no slice takes'; kind: Untaken };
const _everyKindTaken: EveryKindTaken = true;
void _everyKindTaken;

/**
 * A slice as the bus sees it: state type erased. Assignable from every slice because
 * `reduce` is a method (parameters compared bivariantly); the bus calls it only with the
 * slice's own state and with events of its own kinds (the routing table guarantees it).
 */
export interface ErasedSlice {
  readonly name: SliceName;
  readonly kinds: readonly DomainEventKind[];
  initial(): unknown;
  reduce(state: unknown, events: readonly DomainEvent[]): unknown;
  readonly urgentKinds: readonly DomainEventKind[];
}

const ERASED: readonly ErasedSlice[] = SLICES;

/**
 * The routing table: for each kind, the slices that take it (in {@link SLICES} order).
 * A kind no slice takes is absent.
 */
export const SLICES_BY_KIND: ReadonlyMap<DomainEventKind, readonly ErasedSlice[]> = (() => {
  const table = new Map<DomainEventKind, ErasedSlice[]>();
  for (const slice of ERASED) {
    for (const kind of slice.kinds) {
      const list = table.get(kind);
      if (list) list.push(slice);
      else table.set(kind, [slice]);
    }
  }
  return table;
})();

/** Every kind some slice takes: the kinds the stores know. */
export const KNOWN_EVENT_KINDS: ReadonlySet<DomainEventKind> = new Set(SLICES_BY_KIND.keys());

/** Kinds that flush the bus at once: the union of the slices' `urgentKinds`. */
export const URGENT_KINDS: ReadonlySet<DomainEventKind> = new Set(ERASED.flatMap((s) => s.urgentKinds));
