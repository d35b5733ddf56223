import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BoardContext, type AgentStatePort, type BoardSettings } from './board-context';

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
 * (test settings unless given, and the command port if any). Test-only; not used by the app.
 */
export function TestBoard(props: { children: ReactNode; commandPort?: AgentStatePort | null; config?: BoardSettings }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <BoardContext.Provider value={{ config: props.config ?? TEST_SETTINGS, commandPort: props.commandPort ?? null }}>
        {props.children}
      </BoardContext.Provider>
    </QueryClientProvider>
  );
}
