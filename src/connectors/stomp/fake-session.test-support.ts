import type { StompInbound, StompOutbound, StompSession, StompSessionStatus } from './stomp-session';

/**
 * An in-memory broker session for unit tests of what runs on the shared session (request /
 * reply, the broker connectors): the test sets its status, delivers messages and reads what
 * was published.
 * @param initial the status to start with (default connected)
 */
export function fakeStompSession(initial: StompSessionStatus = { state: 'connected', connects: 1 }) {
  const subs = new Map<string, Set<(m: StompInbound) => void>>();
  const listeners = new Set<(s: StompSessionStatus) => void>();
  const sent: StompOutbound[] = [];
  let status = initial;
  const session: StompSession = {
    start() {},
    async stop() {},
    get connected() {
      return status.state === 'connected';
    },
    get status() {
      return status;
    },
    subscribe(destination, handler) {
      const set = subs.get(destination) ?? new Set();
      subs.set(destination, set);
      set.add(handler);
      return { unsubscribe: () => void set.delete(handler) };
    },
    publish(m) {
      if (status.state !== 'connected') throw new Error('No broker connection');
      sent.push(m);
    },
    onStatus(l) {
      listeners.add(l);
      l(status);
      return () => listeners.delete(l);
    },
  };
  return {
    session,
    /** Everything published, oldest first. */
    sent,
    /** Sets the status and tells the listeners. */
    setStatus(s: StompSessionStatus) {
      status = s;
      for (const l of [...listeners]) l(s);
    },
    /** Delivers a message to the handlers of `destination`. */
    deliver(destination: string, body: string, headers: Record<string, string> = {}) {
      for (const h of [...(subs.get(destination) ?? [])]) h({ destination, body, headers });
    },
    /** How many handlers `destination` has. */
    subscribers: (d: string) => subs.get(d)?.size ?? 0,
  };
}
