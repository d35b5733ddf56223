import { useMemo, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Toaster } from 'sonner';
import type { BoardConfig } from '../config';
import type { SourceId } from '../domain';
import { BoardContext, type AgentStatePort, type BoardContextValue } from '../ui';
import { Board } from './Board';
import type { Route } from './routes';

/**
 * The providers every page needs: the board context (configuration and command port),
 * react-query, and the toaster (not on the kiosk: nothing there can fail a command, and a
 * kiosk shows no animations).
 */
export function Providers(props: {
  config: BoardConfig;
  commandPort: AgentStatePort | null;
  toasts: boolean;
  children: ReactNode;
}) {
  const { config, commandPort, toasts, children } = props;
  const queryClient = useMemo(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }), []);
  const board = useMemo<BoardContextValue>(() => ({ config, commandPort }), [config, commandPort]);
  return (
    <QueryClientProvider client={queryClient}>
      <BoardContext.Provider value={board}>
        {children}
        {toasts && <Toaster theme="dark" position="bottom-right" closeButton visibleToasts={5} />}
      </BoardContext.Provider>
    </QueryClientProvider>
  );
}

/**
 * The app for a loaded configuration: the supervisor board on `/`, the read-only board on
 * `/kiosk` (no command port, so no command UI).
 */
export function App(props: {
  route: Exclude<Route, 'agent'>;
  config: BoardConfig;
  sources: readonly SourceId[];
  commandPort: AgentStatePort | null;
}) {
  const { route, config, sources, commandPort } = props;
  const kiosk = route === 'kiosk';
  return (
    <Providers config={config} commandPort={kiosk ? null : commandPort} toasts={!kiosk}>
      <Board title={config.title} sources={sources} kiosk={kiosk} />
    </Providers>
  );
}
