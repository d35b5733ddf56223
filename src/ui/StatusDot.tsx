import type { ConnectionStatus } from '../domain';
import './ui.css';

/** Display words of the connection states. */
export const CONNECTION_STATUS_LABELS: Readonly<Record<ConnectionStatus, string>> = {
  idle: 'Idle',
  connecting: 'Connecting',
  live: 'Live',
  stale: 'Stale',
  down: 'Down',
};

/**
 * A coloured dot for a connection status. Decorative only (hidden from assistive
 * technology): always place the status word next to it.
 */
export function StatusDot({ status }: { status: ConnectionStatus }) {
  return <span className={`dot dot--${status}`} aria-hidden="true" />;
}
