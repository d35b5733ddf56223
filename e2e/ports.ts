/**
 * Ports of the end-to-end stack, apart from the demo's (docs/CONTRACTS.md) so that a
 * running `npm start` does not collide with a test run.
 */
export const E2E = {
  appPort: 15173,
  appUrl: 'http://127.0.0.1:15173',
  simHttpPort: 18788,
  simHttpUrl: 'http://127.0.0.1:18788',
  simHubPort: 18790,
  simStompPort: 18791,
  activemqStompPort: 61613,
  relayPort: 61614,
  /** Board configuration pointing the Generic Connector at the real ActiveMQ relay. */
  activemqConfig: '/config.activemq.json',
  /** `vite preview` of the production build with the deployment's CSP (e2e/csp.spec.ts). */
  cspPreviewPort: 15174,
  /** The load simulator (sim/load-main.ts) of e2e/kiosk-standard.spec.ts: hundreds of agents and queues, no stream. */
  loadSimPort: 15795,
} as const;
