// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../config';
import { boardConfigSchema } from './modules';
import type { DomainEvent } from '../domain';
import { T0, publishNow, setupTestWallboard } from '../stores/test-support';
import type { AgentStatePort } from '../ui';
import '../ui/test-support'; // English catalogues
import { App, loadKiosk, loadSupervisor } from './App';

const config = parseConfig({
  title: 'Test centre',
  sources: { gc: { brokerUrls: ['/stomp'], supervisorLoginId: 'sup9001' } },
  reasonCodes: { notReady: [{ id: '2', label: 'Lunch' }] },
}, 'config.json', boardConfigSchema);
const port: AgentStatePort = { source: 'gc', setAgentState: vi.fn(async () => {}) };
setupTestWallboard();
// The supervisor's lazy chunks (react-query, toasts, the command menu), as boot loads them before rendering.
beforeAll(() => Promise.all([loadSupervisor(), loadKiosk()]));

beforeEach(() => {
  const events: DomainEvent[] = [
    { kind: 'connection.status', source: 'gc', at: T0, status: 'live' },
    { kind: 'agent.upsert', source: 'gc', at: T0, id: 'agent2001', name: 'Ann Lee', state: 'READY', stateSince: T0 },
    { kind: 'agent.upsert', source: 'gc', at: T0, id: 'agent2002', name: 'Bo Chen', state: 'TALKING', stateSince: T0 },
    { kind: 'queue.upsert', source: 'gc', at: T0, id: 'Sales', name: 'Sales', stats: { callsWaiting: 1 } },
  ];
  publishNow(...events);
});

describe('App', () => {
  it('supervisor route: header, panels, and a command menu on command-capable agents', () => {
    render(<App route="supervisor" config={config} sources={['gc']} ports={{ gc: { agentState: port } }} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Test centre');
    expect(screen.getAllByTestId('queue-tile')).toHaveLength(1);
    expect(screen.getAllByTestId('agent-tile')).toHaveLength(2);
    expect(screen.getAllByTestId('agent-actions')).toHaveLength(2);
    expect(screen.getByTestId('connection-status').dataset.status).toBe('live');
    expect(screen.getByRole('searchbox')).toBeTruthy();
  });

  it('kiosk route: the same panels without any command UI, even when a port exists', () => {
    render(<App route="kiosk" config={config} sources={['gc']} ports={{ gc: { agentState: port } }} />);
    expect(screen.getByTestId('kiosk-board')).toBeTruthy();
    expect(screen.getAllByTestId('queue-tile')).toHaveLength(1);
    expect(screen.getAllByTestId('agent-tile')).toHaveLength(2);
    expect(screen.queryAllByTestId('agent-actions')).toHaveLength(0);
    expect(screen.queryByRole('menuitem')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('designed boards (?board=<id>)', () => {
  const withBoards = parseConfig(
    {
      title: 'Test centre',
      sources: { gc: { brokerUrls: ['/stomp'], supervisorLoginId: 'sup9001' } },
      boards: [
        {
          id: 'floor',
          title: 'Floor',
          panels: [
            { id: 'q1', type: 'queues', layout: { x: 0, y: 0, w: 6, h: 6 } },
            { id: 'h1', type: 'health', title: 'Links', layout: { x: 6, y: 0, w: 6, h: 6 } },
          ],
        },
      ],
    },
    'config.json',
    boardConfigSchema,
  );
  const at = (query: string) => history.replaceState(null, '', `/${query}`);

  it('renders the named board: its panels only, typed and titled, in both routes', () => {
    at('?board=floor');
    for (const route of ['supervisor', 'kiosk'] as const) {
      const { unmount } = render(<App route={route} config={withBoards} sources={['gc']} ports={{}} />);
      expect(screen.getByTestId('board-grid').dataset.boardId).toBe('floor');
      const panels = screen.getAllByTestId('panel');
      expect(panels.map((p) => [p.dataset.panelType, p.dataset.panelId])).toEqual([['queues', 'q1'], ['health', 'h1']]);
      expect(screen.getAllByTestId('queue-tile')).toHaveLength(1);
      expect(screen.queryAllByTestId('agent-tile')).toHaveLength(0);
      expect(screen.getByRole('heading', { name: 'Links' })).toBeTruthy();
      expect(screen.getByRole('heading', { name: 'Queues' })).toBeTruthy();
      unmount();
    }
  });

  it('says so when the id is not configured (nor kept in this browser, nor a board file), naming the boards there are', async () => {
    at('?board=nope');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(String(url));
      return new Response('not found', { status: 404 });
    });
    render(<App route="supervisor" config={withBoards} sources={['gc']} ports={{}} />);
    const missing = await screen.findByTestId('board-missing');
    expect(missing.textContent).toContain('nope');
    expect(missing.textContent).toContain('floor');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/\/boards\/nope\.json$/);
    vi.unstubAllGlobals();
    at('');
  });
});
