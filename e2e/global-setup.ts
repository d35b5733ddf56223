import { startActiveMq } from './activemq';

/** Starts a real ActiveMQ for the run (NOTES.md §6); the relay and simulator reconnect to it. */
export default function globalSetup(): void {
  startActiveMq();
}
