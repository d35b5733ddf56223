import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigError, configUrlFor, loadConfig } from '../config';
import { initIngest } from '../stores';
import { App } from './App';
import { ConfigErrorView, PageMessage } from './ConfigErrorView';
import { appBaseHref, routeOf } from './routes';
import { startConnectors } from './wiring';
import './app.css';

/**
 * Starts the board in `container`: picks the route from the address, loads and validates
 * the configuration (a full-page "Configuration error" when it is wrong), starts the
 * ingest bus at the route's flush cadence, creates and starts the configured connectors,
 * and renders the app. Connectors are stopped when the page goes away.
 */
export async function boot(container: HTMLElement, pageHref: string = location.href): Promise<void> {
  const route = routeOf(new URL(pageHref).pathname);
  document.documentElement.dataset.route = route;
  const root = createRoot(container);
  const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

  if (route === 'agent') {
    render(
      <PageMessage title="Agent view">
        <p>The agent self-service bar is coming. Use the supervisor board at the site root for now.</p>
      </PageMessage>,
    );
    return;
  }

  render(<PageMessage title="Loading configuration…" />);
  const appHref = appBaseHref(pageHref);
  const configUrl = new URL(configUrlFor(appHref), appHref).toString();
  let config;
  try {
    config = await loadConfig(configUrl);
  } catch (e) {
    const error = e instanceof ConfigError ? e : new ConfigError(`Could not load ${configUrl}`, [String(e)], configUrl);
    render(<ConfigErrorView error={error} />);
    return;
  }
  document.title = config.title;

  const bus = initIngest(route === 'kiosk' ? config.kioskFlushIntervalMs : config.flushIntervalMs);
  const wiring = startConnectors(config, (events) => bus.publish(events), appHref);
  window.addEventListener('pagehide', () => void wiring.stop(), { once: true });

  render(<App route={route} config={config} sources={wiring.sources} commandPort={wiring.commandPort} />);
}
