/**
 * The RTE site's callback lists (rte doc "CallList" section: CallbackListStatus,
 * CallbackChanged). Two seeded lists; requests arrive at random (a separate random stream),
 * get assigned to a user, get attempts, and close. The status figures are computed from the
 * requests exactly as the truth reports them. Times epoch ms.
 */
import type { Rng } from './prng';

/** The seeded call list ids (CONTRACTS.md "Seeded entities"). */
export const RTE_CALL_LIST_IDS: readonly string[] = ['ca11b0c0-0000-4000-8000-000000000001', 'ca11b0c0-0000-4000-8000-000000000002'];

/** One attempt on a request. */
export interface SimAttempt {
  readonly id: string;
  readonly at: number;
  readonly userId: string;
  readonly note: string;
  /** CallbackAttemptTypeId: 1 no answer, 2 reached. */
  readonly typeId: number;
}

/** One callback request. */
export interface SimCallback {
  readonly id: string;
  readonly listId: string;
  contactName: string;
  contactNumber: string;
  readonly createdAt: number;
  dueAt: number;
  expiresAt: number;
  assignedUserId: string | null;
  readonly attempts: SimAttempt[];
  closed: boolean;
  modifiedAt: number;
  /** 1 explicit callback request, 2 overflown call, 3 created manually. */
  readonly typeId: number;
}

/** The figures of one list, named as the board names them (truth), all counts. */
export interface SimCallListFigures {
  open: number;
  assigned: number;
  freeForAllocation: number;
  overdue: number;
  dueNextHour: number;
  expiringToday: number;
  servingAgents: number;
}

const NAMES = ['Eve Adams', 'Leo Berg', 'Mia Koski', 'Noah Laine', 'Ida Virta', 'Otto Salo', 'Aino Rask', 'Emil Heino'];
const MIN = 60_000;

/** The callback lists of the RTE site. */
export class SimCallLists {
  private readonly items = new Map<string, SimCallback>();
  private readonly changed = new Set<string>();
  private seq = 0;
  private attemptSeq = 0;

  /**
   * @param rng a stream of its own
   * @param servingUsers ids of the users serving callback lists now (not logged out)
   */
  constructor(
    private readonly rng: Rng,
    start: number,
    private readonly servingUsers: () => readonly string[],
  ) {
    for (const listId of RTE_CALL_LIST_IDS) {
      const n = rng.int(2, 5);
      for (let i = 0; i < n; i++) this.add(listId, { dueInSec: rng.uniform(20, 240) * 60 }, start - Math.round(rng.uniform(1, 60) * MIN));
    }
    this.changed.clear();
  }

  /** Adds a request (test control `POST /sim/control/callback`). */
  add(listId: string, opts: { contactName?: string; dueInSec?: number }, t: number): SimCallback {
    this.seq += 1;
    const id = `cb000000-0000-4000-8000-${String(this.seq).padStart(12, '0')}`;
    const item: SimCallback = {
      id,
      listId,
      contactName: opts.contactName ?? (NAMES[this.seq % NAMES.length] as string),
      contactNumber: `+358 50 ${String(1_000_000 + this.seq * 7919).slice(-7)}`,
      createdAt: t,
      dueAt: t + Math.round((opts.dueInSec ?? 2 * 3600) * 1000),
      expiresAt: t + 20 * 3_600_000,
      assignedUserId: null,
      attempts: [],
      closed: false,
      modifiedAt: t,
      typeId: 1,
    };
    this.items.set(id, item);
    this.changed.add(id);
    return item;
  }

  /** One model tick: a new request now and then, assignment, attempts, closing. */
  step(t: number): void {
    const rng = this.rng;
    for (const listId of RTE_CALL_LIST_IDS) if (rng.chance(1 / 240)) this.add(listId, { dueInSec: rng.uniform(30, 180) * 60 }, t);
    for (const item of this.items.values()) {
      if (item.closed) continue;
      if (item.assignedUserId === null) {
        if (rng.chance(1 / 120)) {
          const users = this.servingUsers();
          if (users.length > 0) {
            item.assignedUserId = rng.pick(users);
            item.modifiedAt = t;
            this.changed.add(item.id);
          }
        }
      } else if (rng.chance(1 / 80)) {
        this.attemptSeq += 1;
        const reached = rng.chance(0.5);
        item.attempts.push({ id: `a7000000-0000-4000-8000-${String(this.attemptSeq).padStart(12, '0')}`, at: t, userId: item.assignedUserId, note: reached ? 'Reached' : 'No answer', typeId: reached ? 2 : 1 });
        if (reached) item.closed = true;
        else item.assignedUserId = null;
        item.modifiedAt = t;
        this.changed.add(item.id);
      }
    }
    for (const [id, item] of this.items) if (item.closed && t - item.modifiedAt > 3_600_000) this.items.delete(id);
  }

  /** True for a seeded list id (case-insensitive). */
  hasList(listId: string): boolean {
    return RTE_CALL_LIST_IDS.includes(listId.toLowerCase());
  }

  /** Requests changed since the last call (each once). */
  takeChanged(): SimCallback[] {
    const out = [...this.changed].map((id) => this.items.get(id)).filter((x): x is SimCallback => x !== undefined);
    this.changed.clear();
    return out;
  }

  /** Every request of a list (open and recently closed). */
  list(listId: string): SimCallback[] {
    return [...this.items.values()].filter((i) => i.listId === listId);
  }

  /** The list's figures at `now` (what CallbackListStatus carries; the truth). */
  figures(listId: string, now: number): SimCallListFigures {
    const open = this.list(listId).filter((i) => !i.closed);
    return {
      open: open.length,
      assigned: open.filter((i) => i.assignedUserId !== null).length,
      freeForAllocation: open.filter((i) => i.assignedUserId === null).length,
      overdue: open.filter((i) => i.dueAt < now).length,
      dueNextHour: open.filter((i) => i.dueAt >= now && i.dueAt < now + 3_600_000).length,
      expiringToday: open.filter((i) => i.expiresAt < now + 24 * 3_600_000).length,
      servingAgents: this.servingUsers().length,
    };
  }
}
