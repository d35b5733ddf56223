import { stopActiveMq } from './activemq';

/** Stops the ActiveMQ started by global-setup. */
export default async function globalTeardown(): Promise<void> {
  await stopActiveMq();
}
