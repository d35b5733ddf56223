import { useMemo, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { initI18n, loadLanguage } from '../i18n';
import { createPortDirectory, type SourceId, type SourcePorts } from '../domain';
import { BoardContext, type AgentStatePort, type BoardSettings } from './board-context';

// Component tests render English by default (a test may switch with `setLanguage`, at once:
// German is loaded here, as boot loads it before rendering a German board).
await loadLanguage('en');
await loadLanguage('de');
initI18n('en');

/** The demo's thresholds and reason codes, for component tests. */
export const TEST_SETTINGS: BoardSettings = {
  title: 'Test board',
  thresholds: {
    callsWaitingWarn: 3,
    callsWaitingAlarm: 6,
    longestWaitingWarnSec: 30,
    longestWaitingAlarmSec: 60,
    serviceLevelWarnPct: 80,
    serviceLevelAlarmPct: 70,
    notReadyWarnSec: 300,
  },
  reasonCodes: {
    notReady: [
      { id: '1', label: 'Break' },
      { id: '2', label: 'Lunch' },
      { id: '3', label: 'Meeting' },
    ],
    logout: [{ id: '20', label: 'End of shift' }],
  },
};

/**
 * Wraps a panel for a component test: a fresh react-query client and the board context
 * (test settings unless given; `commandPort`, if any, is the agent-state port of its own
 * source; `readOnly` makes it a kiosk). Test-only; not used by the app.
 */
export function TestBoard(props: {
  children: ReactNode;
  commandPort?: AgentStatePort | null;
  config?: BoardSettings;
  readOnly?: boolean;
  /** Sources running on the board that offer no port (e.g. `['rte']`). */
  portless?: readonly SourceId[];
}) {
  const port = props.commandPort ?? null;
  const readOnly = props.readOnly ?? false;
  const portless = (props.portless ?? []).join(',');
  const ports = useMemo(() => {
    const bySource: Partial<Record<SourceId, SourcePorts>> = {};
    for (const s of portless ? (portless.split(',') as SourceId[]) : []) bySource[s] = {};
    if (port) bySource[port.source] = { agentState: port };
    return createPortDirectory(bySource, readOnly);
  }, [port, readOnly, portless]);
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <BoardContext.Provider value={{ config: props.config ?? TEST_SETTINGS, ports }}>
        {props.children}
      </BoardContext.Provider>
    </QueryClientProvider>
  );
}
