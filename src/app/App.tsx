import { useMemo, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Toaster } from 'sonner';
import type { BoardConfig } from '../config';
import { createPortDirectory, type SourceId, type SourcePorts } from '../domain';
import { BoardContext, currentTheme, type BoardContextValue } from '../ui';
import { Board } from './Board';
import type { Route } from './routes';

/**
 * The providers every page needs: the board context (configuration and command ports),
 * react-query, and the toaster (not on the kiosk: nothing there can fail a command, and a
 * kiosk shows no animations). The toaster follows the page's theme (`<html data-theme>`,
 * applied by boot before rendering).
 */
export function Providers(props: {
  config: BoardConfig;
  /** The ports each running source offers. */
  ports: Readonly<Partial<Record<SourceId, SourcePorts>>>;
  /** True on a screen that may send no command (the kiosk): panels find no port. */
  readOnly: boolean;
  toasts: boolean;
  children: ReactNode;
}) {
  const { config, ports, readOnly, toasts, children } = props;
  const queryClient = useMemo(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }), []);
  const board = useMemo<BoardContextValue>(() => ({ config, ports: createPortDirectory(ports, readOnly) }), [config, ports, readOnly]);
  const theme = currentTheme();
  return (
    <QueryClientProvider client={queryClient}>
      <BoardContext.Provider value={board}>
        {children}
        {toasts && <Toaster theme={theme} position="bottom-right" closeButton visibleToasts={5} />}
      </BoardContext.Provider>
    </QueryClientProvider>
  );
}

/**
 * The app for a loaded configuration: the supervisor board on `/`, the read-only board on
 * `/kiosk` (read-only: the panels find no command port, so no command UI).
 */
export function App(props: {
  route: Exclude<Route, 'agent'>;
  config: BoardConfig;
  sources: readonly SourceId[];
  /** The ports each running source offers; the kiosk route ignores them. */
  ports: Readonly<Partial<Record<SourceId, SourcePorts>>>;
}) {
  const { route, config, sources, ports } = props;
  const kiosk = route === 'kiosk';
  return (
    <Providers config={config} ports={kiosk ? {} : ports} readOnly={kiosk} toasts={!kiosk}>
      <Board title={config.title} sources={sources} kiosk={kiosk} />
    </Providers>
  );
}
