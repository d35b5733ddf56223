import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigError, loadBoardConfig, type BoardConfig, type ConfigValidator } from '../config';
import { createBackoff } from '../connectors/transport/backoff';
import { now } from '../lib/clock';
import { createLogger } from '../lib/logger';
import { realScheduler, type Scheduler } from '../lib/scheduler';
import { i18n, initI18n, loadLanguage, loadNamespace, resolveLanguage, setLanguage } from '../i18n';
import { initIngest, startHistorySampler } from '../stores';
import { applyTheme, resolveTheme } from '../ui';
import { App, loadKiosk, loadSupervisor } from './App';
import { ConfigErrorView, ConfigLoadingView, PageMessage } from './ConfigErrorView';
import { lazyModule } from '../lib/lazy-module';
import { appBaseHref, routeOf } from './routes';
import { boardConfigSchema } from './modules';
import { startConnectors } from './wiring';
import type { SourceId, SourcePorts } from '../domain';
import './app.css';

const log = createLogger('boot');

declare global {
  interface Window {
    /** `/kiosk` only: the command ports of the kiosk's (read-only) connectors, by source; every command rejects with `read-only` (docs/CONTRACTS.md "TV kiosk"). */
    __kioskPorts?: Readonly<Partial<Record<SourceId, SourcePorts>>>;
  }
}

/** Test seams of {@link boot} and {@link obtainConfig}; every field defaults to the real thing. */
export interface BootOptions {
  /** Schedules the kiosk's configuration retries (default `realScheduler`). */
  readonly scheduler?: Scheduler;
  /** Fetches configuration files (default the global `fetch` at call time). */
  readonly fetch?: typeof fetch;
  /** Jitter source in [0, 1) for the retry backoff (default `Math.random`). */
  readonly random?: () => number;
  /** Validates the configuration files (default the board schema built from the module list, `boardConfigSchema`). */
  readonly schema?: ConfigValidator<BoardConfig>;
}

/**
 * Backoff of the kiosk's configuration retries (ms): full jitter between `floorMs` and a
 * ceiling of 2 s doubling per failure up to 60 s, so a wall of screens does not hammer a
 * server that is down, and a fixed file is picked up within a minute at worst.
 */
export const CONFIG_RETRY_BACKOFF = { initialMs: 2_000, maxMs: 60_000, factor: 2, floorMs: 1_000 } as const;

/**
 * Loads the configuration for `appHref` (`loadBoardConfig`: origin rules included). On
 * failure shows the configuration error page; with `retry` (the kiosk) it shows when it
 * will try again and retries with {@link CONFIG_RETRY_BACKOFF} until a load succeeds,
 * security refusals included (the served file may change to allow the origin). Without
 * `retry` (the supervisor desk) the error page stays until the user reloads.
 * @returns the configuration, or `null` when it failed and `retry` is false (never null
 *   with `retry`: the promise stays pending until a load succeeds)
 */
export async function obtainConfig(
  appHref: string,
  retry: boolean,
  show: (node: ReactNode) => void,
  options: BootOptions = {},
): Promise<BoardConfig | null> {
  const scheduler = options.scheduler ?? realScheduler;
  const backoff = createBackoff({ ...CONFIG_RETRY_BACKOFF, random: options.random });
  for (;;) {
    try {
      return await loadBoardConfig(appHref, { fetch: options.fetch, schema: options.schema ?? boardConfigSchema });
    } catch (e) {
      const error = e instanceof ConfigError ? e : new ConfigError(`Could not load the configuration`, [String(e)], appHref, 'unreachable');
      log.warn(`configuration not loaded (${error.reason}): ${error.message}`);
      if (!retry) {
        show(<ConfigErrorView error={error} />);
        return null;
      }
      const delayMs = backoff.next();
      show(<ConfigErrorView error={error} retryAt={now() + delayMs} />);
      await new Promise<void>((resolve) => scheduler.setTimeout(resolve, delayMs));
    }
  }
}

/**
 * Starts the board in `container`: picks the route from the address, loads and validates
 * the configuration (a full-page "Configuration error" when it is wrong or refused; the
 * kiosk retries it with backoff, {@link obtainConfig}), starts the
 * ingest bus at the route's flush cadence, creates and starts the configured connectors,
 * and renders the app. Connectors are stopped when the page goes away.
 */
export async function boot(container: HTMLElement, pageHref: string = location.href, options: BootOptions = {}): Promise<void> {
  const route = routeOf(new URL(pageHref).pathname);
  document.documentElement.dataset.route = route;
  // Words and colours before anything renders: `?lang=`/`?theme=` or the browser until the configuration is loaded.
  const browserLanguages = typeof navigator === 'undefined' ? [] : navigator.languages;
  const firstLanguage = resolveLanguage({ pageUrl: pageHref, navigatorLanguages: browserLanguages });
  // A language other than English is a chunk of its own: loaded before the first words show.
  await loadLanguage(firstLanguage).catch((e: unknown) => log.warn(`the "${firstLanguage}" catalogues are not loaded: ${String(e)}`));
  initI18n(firstLanguage);
  applyTheme(resolveTheme({ pageUrl: pageHref }));
  const root = createRoot(container);
  const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

  render(<ConfigLoadingView />);
  const appHref = appBaseHref(pageHref);
  if (route === 'agent') {
    await bootAgent(appHref, pageHref, browserLanguages, render, options);
    return;
  }
  // The supervisor's own chunks (react-query, toasts, the command menu) download while the
  // configuration loads; the kiosk never loads them (docs/PERFORMANCE.md "Kiosk bundle budget").
  const supervisorReady =
    route === 'supervisor' || route === 'boards'
      ? loadSupervisor().catch((e: unknown) => log.error(`supervisor chunks not loaded: ${String(e)}`))
      : route === 'kiosk'
        ? loadKiosk().catch((e: unknown) => log.error(`kiosk chunk not loaded: ${String(e)}`))
        : Promise.resolve();
  const config = await obtainConfig(appHref, route === 'kiosk', render, options);
  if (!config) return;
  document.title = config.title;
  await showLanguage(resolveLanguage({ configured: config.language, pageUrl: pageHref, navigatorLanguages: browserLanguages }));
  applyTheme(resolveTheme({ configured: config.theme, pageUrl: pageHref }));

  const bus = initIngest(route === 'kiosk' ? config.kioskFlushIntervalMs : config.flushIntervalMs);
  // Trend history (issue 13): sampled from the start when a board can show a trend panel.
  if (config.boards.some((b) => b.panels.some((p) => p.type === 'trend'))) startHistorySampler(config.trends.samplePeriodSec * 1000, config.trends.windowMin * 60_000);
  // The kiosk sends no command: its connectors are started read-only (their command paths refuse before the wire).
  const wiring = startConnectors(config, (events) => bus.publish(events), appHref, { readOnly: route === 'kiosk' });
  window.addEventListener('pagehide', () => void wiring.stop(), { once: true });
  // Test hook (issue 14 acceptance 3): the kiosk's own connectors' command ports, to call directly and see refused.
  if (route === 'kiosk') window.__kioskPorts = wiring.ports;

  await supervisorReady;
  render(<App route={route} config={config} sources={wiring.sources} ports={wiring.ports} broadcast={route === 'kiosk' ? undefined : wiring.broadcast} />);
}

/** Loads `lang`'s catalogues (a chunk unless English), then switches to it; a failed load keeps the current language. */
async function showLanguage(lang: string): Promise<void> {
  await loadLanguage(lang).catch((e: unknown) => log.warn(`the "${lang}" catalogues are not loaded: ${String(e)}`));
  setLanguage(lang);
}

/** The agent page's chunk (the desk, react-query): loaded on `/agent` only. */
const agentModule = lazyModule(() => import('./agent'));

/**
 * Boots `/agent`: the configuration (no retry, as the supervisor desk), the ingest bus at
 * the supervisor cadence, the connectors of scope `desk` only (b+s Connects CIL; the board's
 * connectors do not run here), and the agent page. Without `sources.cil`, the Generic
 * Connector agent desk when `sources.gc.agentDesk` is true.
 */
async function bootAgent(
  appHref: string,
  pageHref: string,
  browserLanguages: readonly string[],
  render: (node: ReactNode) => void,
  options: BootOptions,
): Promise<void> {
  // The page's code and its words (the `desk` catalogues) download while the configuration loads.
  const page = Promise.all([agentModule.load(), loadNamespace('desk')]).then(([m]) => m);
  const config = await obtainConfig(appHref, false, render, options);
  if (!config) return;
  document.title = config.title;
  await showLanguage(resolveLanguage({ configured: config.language, pageUrl: pageHref, navigatorLanguages: browserLanguages }));
  applyTheme(resolveTheme({ configured: config.theme, pageUrl: pageHref }));
  // Without b+s Connects, the Generic Connector agent desk (issue 9) when configured, in a chunk of its own.
  const cil = config.sources['cil'] as { readonly enabled?: boolean } | undefined;
  const gcBlock = config.sources['gc'] as { readonly enabled?: boolean; readonly agentDesk?: boolean } | undefined;
  if (cil?.enabled !== true && gcBlock?.enabled === true && gcBlock.agentDesk === true) {
    const desk = await import('./gc-agent');
    const gc = desk.gcDeskConfig(config);
    if (gc) {
      await desk.startGcAgentDesk(config, gc, appHref, render);
      return;
    }
  }
  const bus = initIngest(config.flushIntervalMs);
  const wiring = startConnectors(config, (events) => bus.publish(events), appHref, { scope: 'desk' });
  window.addEventListener('pagehide', () => void wiring.stop(), { once: true });
  try {
    const { AgentPage } = await page;
    render(<AgentPage config={config} sources={wiring.sources} ports={wiring.ports} />);
  } catch (e) {
    log.error(`agent page not loaded: ${String(e)}`);
    render(<PageMessage title={i18n.t('desk:loadFailed')}><p>{String(e)}</p></PageMessage>);
  }
}
