/**
 * The simulator's fixed organisation (docs/CONTRACTS.md "Seeded entities"): ids, names,
 * teams, queue membership and reason codes. Independent of the seed, so ids and names are
 * stable across runs; only the traffic and the states depend on the seed.
 */

/** One queue of a site. `ratePerMin` is the mean call arrival rate (calls per minute). */
export interface RosterQueue {
  readonly id: string;
  readonly name: string;
  readonly ratePerMin: number;
}

/** One agent (RTE user or GC agent) of a site. */
export interface RosterAgent {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  /** `First Last`. */
  readonly fullName: string;
  /** Login name (GC `<agent_login_name>`, e.g. `ann.lee`). */
  readonly loginName: string;
  /** Phone extension (GC `<agent_Extension>`). */
  readonly extension: string;
  /** GC team id; undefined for RTE users. */
  readonly teamId?: string;
  /** Ids of the queues (RTE) / skill groups (GC) the agent serves. */
  readonly queueIds: readonly string[];
}

/** A Finesse reason code (CONTRACTS.md "Reason codes"). */
export interface ReasonCode {
  readonly id: string;
  readonly label: string;
  readonly category: 'NOT_READY' | 'LOGOUT';
}

/** NOT_READY 1..6 and LOGOUT 20, as CONTRACTS.md lists them. */
export const REASON_CODES: readonly ReasonCode[] = [
  { id: '1', label: 'Break', category: 'NOT_READY' },
  { id: '2', label: 'Lunch', category: 'NOT_READY' },
  { id: '3', label: 'Meeting', category: 'NOT_READY' },
  { id: '4', label: 'Training', category: 'NOT_READY' },
  { id: '5', label: 'Coaching', category: 'NOT_READY' },
  { id: '6', label: 'Admin', category: 'NOT_READY' },
  { id: '20', label: 'End of shift', category: 'LOGOUT' },
];

/** Looks up a reason code by id and category; undefined when unknown. */
export function reasonCode(id: string, category: ReasonCode['category']): ReasonCode | undefined {
  return REASON_CODES.find((r) => r.id === id && r.category === category);
}

/** The RTE organisation id used in every RTE event (`OrganizationId`). */
export const RTE_ORGANIZATION_ID = '0e7a0000-0000-4000-8000-000000000001';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** RTE queue id for 1-based index `n` (`c0ffee00-0000-4000-8000-0000000000NN`). */
export const rteQueueId = (n: number): string => `c0ffee00-0000-4000-8000-0000000000${pad2(n)}`;
/** RTE user id for 1-based index `n` (`a9e47000-0000-4000-8000-0000000000NN`). */
export const rteUserId = (n: number): string => `a9e47000-0000-4000-8000-0000000000${pad2(n)}`;

/** The RTE user id that is not in the organisation (the hub answers "Unauthorized"). */
export const RTE_FOREIGN_USER_ID = rteUserId(99);

const RTE_QUEUE_NAMES = ['Switchboard', 'Helpdesk', 'Orders', 'Returns', 'Priority', 'Callbacks'];
const RTE_QUEUE_RATES = [7.8, 7.0, 6.4, 4.6, 3.4, 3.6];

const RTE_NAMES: readonly (readonly [string, string])[] = [
  ['Mia', 'Virtanen'], ['Eero', 'Korhonen'], ['Aino', 'Mäkinen'], ['Juho', 'Nieminen'],
  ['Sofia', 'Hämäläinen'], ['Leo', 'Laine'], ['Ella', 'Heikkinen'], ['Onni', 'Koskinen'],
  ['Helmi', 'Järvinen'], ['Väinö', 'Lehtonen'], ['Aada', 'Lehtinen'], ['Elias', 'Saarinen'],
  ['Lilja', 'Salminen'], ['Eino', 'Heinonen'], ['Olivia', 'Niemi'], ['Niilo', 'Heikkilä'],
  ['Emma', 'Kinnunen'], ['Veeti', 'Salonen'], ['Venla', 'Turunen'], ['Toivo', 'Salo'],
  ['Pihla', 'Laitinen'], ['Oliver', 'Tuominen'], ['Isla', 'Rantanen'], ['Lauri', 'Karjalainen'],
];

const GC_QUEUE_NAMES = ['Sales', 'Support', 'Billing', 'Technical', 'Retention', 'VIP'];
const GC_QUEUE_RATES = [8.4, 8.7, 7.0, 6.2, 4.5, 3.1];

const GC_NAMES: readonly (readonly [string, string])[] = [
  ['Ann', 'Lee'], ['Bob', 'Martin'], ['Carla', 'Diaz'], ['David', 'Kim'],
  ['Eva', 'Novak'], ['Frank', 'Moore'], ['Grace', 'Chen'], ['Hugo', 'Silva'],
  ['Irene', 'Walsh'], ['Jack', 'Turner'], ['Kara', 'Singh'], ['Liam', 'Brooks'],
  ['Maya', 'Patel'], ['Noah', 'Young'], ['Olga', 'Ivanova'], ['Paul', 'Wright'],
  ['Quinn', 'Harris'], ['Rosa', 'Lopez'], ['Sam', 'Ortiz'], ['Tina', 'Meyer'],
  ['Umar', 'Khan'], ['Vera', 'Costa'], ['Will', 'Hughes'], ['Xena', 'Price'],
  ['Yusuf', 'Demir'], ['Zoe', 'Adams'], ['Adam', 'Fischer'], ['Bella', 'Rossi'],
  ['Carl', 'Jensen'], ['Dina', 'Haddad'], ['Emil', 'Berg'], ['Fay', 'Nolan'],
];

/** GC teams: id → name (CONTRACTS.md: 5 "Customer Care" 2001–2016, 7 "Billing Desk" 2017–2032). */
export const GC_TEAMS: readonly { readonly id: string; readonly name: string }[] = [
  { id: '5', name: 'Customer Care' },
  { id: '7', name: 'Billing Desk' },
];

/** Team names set by `POST /sim/control/gc/team-name` (issue 15 "Hostile text"), by team id, until a reset. */
const gcTeamNames = new Map<string, string>();

/** The name GC publishes for `team` now: the one a test control set, else the roster's. */
export function gcTeamName(team: { readonly id: string; readonly name: string }): string {
  return gcTeamNames.get(team.id) ?? team.name;
}

/**
 * Test control: GC team `id` is called `name` from now on (AgentInfo's team list).
 * @returns false for an unknown team id
 */
export function renameGcTeam(id: string, name: string): boolean {
  if (!GC_TEAMS.some((t) => t.id === id)) return false;
  gcTeamNames.set(id, name);
  return true;
}

/** Restores the roster's team names (a model reset). */
export function resetGcTeamNames(): void {
  gcTeamNames.clear();
}

/** The GC supervisor (AgentInfo supervisor form; not a queue agent, never in TeamUsersList). */
export const GC_SUPERVISOR = {
  id: 'sup9001',
  firstName: 'Sam',
  lastName: 'Carter',
  fullName: 'Sam Carter',
  loginName: 'sam.carter',
  extension: '9001',
  teamId: '5',
  wrapUpMode: 'OPTIONAL',
} as const;

/** Finesse wrap-up mode sent in every agent's AgentInfo. */
export const GC_WRAP_UP_MODE = 'OPTIONAL';

const loginName = (first: string, last: string): string =>
  `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');

/** The six RTE service queues. */
export function rteQueues(): RosterQueue[] {
  return RTE_QUEUE_NAMES.map((name, i) => ({ id: rteQueueId(i + 1), name, ratePerMin: RTE_QUEUE_RATES[i] ?? 1 }));
}

/** The 24 RTE users; user i serves queues i%6 and (i+1)%6, every third user also (i+3)%6. */
export function rteUsers(): RosterAgent[] {
  return RTE_NAMES.map(([first, last], i) => {
    const qs = [i % 6, (i + 1) % 6];
    if (i % 3 === 0) qs.push((i + 3) % 6);
    return {
      id: rteUserId(i + 1),
      firstName: first,
      lastName: last,
      fullName: `${first} ${last}`,
      loginName: loginName(first, last),
      extension: String(1001 + i),
      queueIds: qs.map((q) => rteQueueId(q + 1)),
    };
  });
}

/** The six GC skill groups (UCCE: id = `queue_name`). */
export function gcQueues(): RosterQueue[] {
  return GC_QUEUE_NAMES.map((name, i) => ({ id: name, name, ratePerMin: GC_QUEUE_RATES[i] ?? 1 }));
}

/** The 32 GC agents `agent2001`..`agent2032`; agent i serves skill groups i%6 and (i+2)%6. */
export function gcAgents(): RosterAgent[] {
  return GC_NAMES.map(([first, last], i) => ({
    id: `agent${2001 + i}`,
    firstName: first,
    lastName: last,
    fullName: `${first} ${last}`,
    loginName: loginName(first, last),
    extension: String(2001 + i),
    teamId: i < 16 ? '5' : '7',
    queueIds: [GC_QUEUE_NAMES[i % 6] as string, GC_QUEUE_NAMES[(i + 2) % 6] as string],
  }));
}
