import type { Liveness } from '../transport/liveness';
import type { StatusReporter } from '../transport/events';
import type { StompSessionStatus } from './stomp-session';

/**
 * A broker backend's `connection.status` from the shared session's status (every backend on
 * the broker follows its session the same way; NOTES.md §6):
 * - `connecting` while the session connects (a `down` stays down, with its reason, until live);
 * - `live` once connected — the session has re-sent the backend's subscriptions by then —
 *   after `onConnected` (the backend re-synchronises: forget, re-announce, ask again);
 *   the liveness window starts afresh;
 * - `down` with the session's reason;
 * - `idle` before the owner starts it (reported as `connecting`), or after the owner stopped
 *   it (reported as `down`).
 * The liveness watch runs only while connected.
 */
export function followSessionStatus(s: StompSessionStatus, status: StatusReporter, liveness: Liveness, onConnected: () => void): void {
  switch (s.state) {
    case 'connecting':
      liveness.stop();
      if (status.current !== 'down') status.set('connecting', s.url ? `connecting to ${s.url}` : undefined);
      break;
    case 'connected':
      onConnected();
      status.set('live');
      liveness.stop();
      liveness.start();
      break;
    case 'down':
      liveness.stop();
      status.set('down', s.reason ?? 'broker connection lost');
      break;
    case 'idle':
      liveness.stop();
      if (status.current === 'idle' || s.reason === undefined) status.set('connecting');
      else status.set('down', s.reason === 'stopped' ? 'broker session stopped' : s.reason);
      break;
  }
}
