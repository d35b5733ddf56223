import type { Scheduler } from '../../lib/scheduler';
import type { StompSession, StompSessionOptions, WebSocketConstructor } from './stomp-session';

/**
 * What a broker session is made from: the same broker, account and virtual host share one
 * WebSocket (the session options' own fields: URLs, login, passcode, vhost, heart-beat).
 */
export type StompSessionSettings = Pick<StompSessionOptions, 'brokerUrls' | 'login' | 'passcode' | 'vhost' | 'heartbeatMs'>;

/**
 * The board's broker sessions (ARCHITECTURE.md: `connectors/stomp/` owns the shared broker
 * session): every backend on the same broker (Generic Connector, Business ConneCT, UCCX)
 * shares one STOMP connection per broker, account and virtual host. The owner (the app's
 * wiring) stops them all; a connector given a session never stops it. The STOMP client
 * library is loaded on the first `get` (a chunk of its own: a board without a broker
 * backend never downloads it; docs/PERFORMANCE.md "Kiosk bundle budget").
 */
export interface StompSessions {
  /**
   * The session for these settings: the existing one when the broker URLs, login and
   * virtual host are the same, else a new one (not started; connectors start it).
   * @throws (rejects) RangeError when `brokerUrls` is empty; what the dynamic import
   *   rejected with when the STOMP code could not be downloaded (a later call tries again)
   */
  get(settings: StompSessionSettings): Promise<StompSession>;
  /** Stops every session handed out. */
  stopAll(): Promise<void>;
}

/** Options shared by every session of a board. */
export interface StompSessionsOptions {
  readonly scheduler: Scheduler;
  /** Base for relative broker URLs (the app's own address). */
  readonly baseUrl: string;
  /** WebSocket implementation (default the browser's). */
  readonly WebSocket?: WebSocketConstructor;
  /** Extra session options (tests). */
  readonly sessionOptions?: Partial<StompSessionOptions>;
}

/** Creates the registry of a board's broker sessions. */
export function createStompSessions(opts: StompSessionsOptions): StompSessions {
  const sessions = new Map<string, Promise<StompSession>>();
  return {
    get(settings) {
      const key = JSON.stringify([settings.brokerUrls, settings.login ?? '', settings.vhost ?? '']);
      let s = sessions.get(key);
      if (!s) {
        s = import('./stomp-session').then(({ createStompSession }) =>
          createStompSession({
            brokerUrls: settings.brokerUrls,
            login: settings.login,
            passcode: settings.passcode,
            vhost: settings.vhost,
            ...(settings.heartbeatMs !== undefined ? { heartbeatMs: settings.heartbeatMs } : {}),
            scheduler: opts.scheduler,
            baseUrl: opts.baseUrl,
            ...(opts.WebSocket ? { WebSocket: opts.WebSocket } : {}),
            ...opts.sessionOptions,
          }),
        );
        sessions.set(key, s);
        s.catch(() => {
          if (sessions.get(key) === s) sessions.delete(key);
        });
      }
      return s;
    },
    async stopAll() {
      const all = [...sessions.values()];
      sessions.clear();
      const settled = await Promise.allSettled(all);
      await Promise.all(settled.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    },
  };
}
