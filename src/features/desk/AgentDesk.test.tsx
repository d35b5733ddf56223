// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CommandError, type AgentDeskPort, type DeskChannelEvent } from '../../domain';
import { loadNamespace, setLanguage } from '../../i18n';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import '../../ui/test-support';
import { AgentDesk } from './AgentDesk';

const board = setupTestWallboard();
// The desk's words are a lazy namespace (not in the kiosk's bundle); the agent page loads them before rendering.
beforeAll(() => loadNamespace('desk'));

function fakePort(overrides: Partial<AgentDeskPort> = {}): AgentDeskPort & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]): Promise<void> => {
      calls.push([name, ...args]);
      return Promise.resolve();
    };
  return {
    calls,
    setState: vi.fn(rec('setState')),
    getReasonCodes: vi.fn(async (type) => {
      calls.push(['getReasonCodes', type]);
      return type === 'Wrapup'
        ? [{ id: '10', label: 'Documentation' }]
        : [
            { id: '1', label: 'Break' },
            { id: '2', label: 'Lunch' },
          ];
    }),
    directTransfer: vi.fn(rec('directTransfer')),
    singleStepConference: vi.fn(rec('singleStepConference')),
    dialOrConsult: vi.fn(rec('dialOrConsult')),
    sendDtmf: vi.fn(rec('sendDtmf')),
    isSendDtmfEnabled: vi.fn(async () => true),
    isUpdateWorkitemDataEnabled: vi.fn(async () => true),
    updateWorkitemData: vi.fn(rec('updateWorkitemData')),
    setWrapupReason: vi.fn(rec('setWrapupReason')),
    ...overrides,
  };
}

function channel(patch: Partial<DeskChannelEvent> = {}): DeskChannelEvent {
  return { kind: 'desk.channel', source: 'cil', at: board.fake.now(), id: 'voice_5000', channelType: 'Voice', state: 'Ready', stateSince: T0 - 30_000, ...patch };
}

function renderDesk(port: AgentDeskPort) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AgentDesk port={port} />
    </QueryClientProvider>,
  );
}

async function settle() {
  for (let i = 0; i < 4; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

describe('AgentDesk', () => {
  it('shows my state per channel with reason code and ticking time in state, and announces it', () => {
    renderDesk(fakePort());
    publish(channel({ state: 'NotReady', reasonCode: '2', reasonLabel: 'Lunch' }));
    const s = screen.getByTestId('my-state');
    expect(s.getAttribute('data-state')).toBe('NotReady');
    expect(s.getAttribute('data-reason-code')).toBe('2');
    expect(s.getAttribute('data-channel-id')).toBe('voice_5000');
    expect(within(s).getByTestId('my-state-reason').textContent).toContain('Lunch');
    expect(within(s).getByTestId('my-state-time').getAttribute('data-value')).toBe('30');
    act(() => board.fake.advance(2_000));
    expect(within(s).getByTestId('my-state-time').getAttribute('data-value')).toBe('32');
    expect(screen.getByTestId('my-state-announcement').textContent).toContain('You are now Not Ready: Lunch');
    expect(screen.getByTestId('my-state-announcement').getAttribute('aria-live')).toBe('polite');
  });

  it('Not Ready with a reason from getReasonCodeList: pending until the confirming state arrives', async () => {
    let confirm!: () => void;
    const port = fakePort({ setState: vi.fn(() => new Promise<void>((r) => (confirm = r))) });
    renderDesk(port);
    publish(channel());
    fireEvent.click(screen.getByRole('button', { name: 'Not Ready' }));
    await settle();
    const options = screen.getAllByTestId('reason-option');
    expect(options.map((o) => [o.getAttribute('data-reason-code'), o.textContent])).toEqual([
      ['1', 'Break'],
      ['2', 'Lunch'],
    ]);
    expect(document.activeElement).toBe(options[0]);
    fireEvent.click(options[1]!);
    await settle();
    expect(port.setState).toHaveBeenCalledWith('NotReady', '2');
    expect(screen.getByTestId('desk-pending').textContent).toContain('Not Ready (Lunch)');
    expect((screen.getByRole('button', { name: 'Ready' }) as HTMLButtonElement).disabled).toBe(true);
    publish(channel({ state: 'NotReady', reasonCode: '2', reasonLabel: 'Lunch' }));
    await act(async () => confirm());
    await settle();
    expect(screen.queryByTestId('desk-pending')).toBeNull();
    expect(screen.getByTestId('my-state').getAttribute('data-state')).toBe('NotReady');
  });

  it('a vendor error shows its message and the state stays', async () => {
    const port = fakePort({ setState: vi.fn(() => Promise.reject(new CommandError('vendor-error', 'Agent state change not allowed'))) });
    renderDesk(port);
    publish(channel());
    fireEvent.click(screen.getByRole('button', { name: 'Ready' }));
    await settle();
    expect(screen.getByTestId('desk-error').textContent).toContain('Agent state change not allowed');
    expect(screen.getByTestId('my-state').getAttribute('data-state')).toBe('Ready');
  });

  it('keyboard: Alt+R sends Ready, Alt+N opens the Not Ready reasons, Alt+L the logout reasons, Esc closes', async () => {
    const port = fakePort();
    renderDesk(port);
    publish(channel({ state: 'NotReady' }));
    fireEvent.keyDown(document, { key: 'r', code: 'KeyR', altKey: true });
    await settle();
    expect(port.setState).toHaveBeenCalledWith('Ready', undefined);
    publish(channel({ state: 'Ready' })); // the confirming state: the desk is no longer pending
    fireEvent.keyDown(document, { key: 'n', code: 'KeyN', altKey: true });
    await settle();
    expect(screen.getByTestId('reason-picker').getAttribute('data-reason-type')).toBe('NotReady');
    fireEvent.keyDown(screen.getAllByTestId('reason-option')[0]!, { key: 'Escape' });
    expect(screen.queryByTestId('reason-picker')).toBeNull();
    fireEvent.keyDown(document, { key: 'l', code: 'KeyL', altKey: true });
    await settle();
    expect(screen.getByTestId('reason-picker').getAttribute('data-reason-type')).toBe('Logout');
  });

  it('a work item: state, direction, ANI, classification, queue, connected time ticking, call variables; transfer to the typed number', async () => {
    const port = fakePort();
    renderDesk(port);
    publish(channel({ state: 'Active' }), {
      kind: 'desk.workitem',
      source: 'cil',
      at: T0,
      id: '16777321',
      state: 'Active',
      direction: 'Incoming',
      ani: '<b>+41445551234</b>',
      classification: 'Customer',
      queueName: 'Sales',
      connectedAt: T0 - 5_000,
      callVariables: { callVariable1: '12345' },
    });
    await settle();
    const item = screen.getByTestId('work-item');
    expect(item.getAttribute('data-workitem-id')).toBe('16777321');
    expect(item.getAttribute('data-state')).toBe('Active');
    expect(within(item).getByTestId('work-item-ani').textContent).toContain('<b>+41445551234</b>'); // text, not HTML
    expect(item.querySelector('b')).toBeNull();
    expect(within(item).getByTestId('work-item-classification').textContent).toContain('Customer');
    expect(within(item).getByTestId('work-item-queue').textContent).toContain('Sales');
    expect(within(item).getByTestId('work-item-connected').getAttribute('data-value')).toBe('5');
    act(() => board.fake.advance(1_000));
    expect(within(item).getByTestId('work-item-connected').getAttribute('data-value')).toBe('6');
    // Editable call variables (isUpdateWorkitemDataEnabled answered true).
    const input = within(item).getByTestId('call-variable-input');
    fireEvent.change(input, { target: { value: '999' } });
    fireEvent.click(within(item).getByTestId('call-variables-save'));
    await settle();
    expect(port.updateWorkitemData).toHaveBeenCalledWith('16777321', { callVariable1: '999' });
    fireEvent.change(within(item).getByTestId('call-address'), { target: { value: '+41 44 555 00 00' } });
    fireEvent.click(within(item).getByTestId('call-transfer'));
    await settle();
    expect(port.directTransfer).toHaveBeenCalledWith('+41 44 555 00 00', '16777321');
    fireEvent.change(within(item).getByTestId('dtmf-digits'), { target: { value: '12#' } });
    fireEvent.click(within(item).getByTestId('dtmf-send'));
    await settle();
    expect(port.sendDtmf).toHaveBeenCalledWith('12#');
  });

  it('in wrap-up the reason is chosen from getReasonCodeList(Wrapup) and set with setWrapupReason', async () => {
    const port = fakePort();
    renderDesk(port);
    publish(channel({ state: 'Wrapup' }), { kind: 'desk.workitem', source: 'cil', at: T0, id: '1', state: 'Wrapup' });
    await settle();
    fireEvent.change(screen.getByTestId('wrapup-select'), { target: { value: 'Documentation' } });
    fireEvent.click(screen.getByTestId('wrapup-set'));
    await settle();
    expect(port.setWrapupReason).toHaveBeenCalledWith('1', 'Documentation');
    expect(screen.queryByTestId('call-transfer')).toBeNull(); // no call control in wrap-up
  });

  it('my queues with escalation and the longest call ticking', () => {
    renderDesk(fakePort());
    publish({
      kind: 'desk.queues',
      source: 'cil',
      at: T0,
      dataState: 'ENABLED',
      queues: [
        { id: 'q1', name: 'Sales', escalation: 'Critical', callsInQueue: 3, longestCallSince: T0 - 70_000 },
        { id: 'q2', name: 'Support', escalation: 'Normal', callsInQueue: 0 },
      ],
    });
    const rows = screen.getAllByTestId('my-queue');
    expect(rows.map((r) => [r.getAttribute('data-queue-id'), r.getAttribute('data-escalation')])).toEqual([
      ['q1', 'Critical'],
      ['q2', 'Normal'],
    ]);
    expect(within(rows[0]!).getByTestId('my-queue-escalation').textContent).toContain('Critical');
    expect(within(rows[0]!).getByTestId('my-queue-longest').getAttribute('data-value')).toBe('70');
    act(() => board.fake.advance(1_000));
    expect(within(rows[0]!).getByTestId('my-queue-longest').getAttribute('data-value')).toBe('71');
    expect(within(rows[1]!).getByTestId('my-queue-longest').hasAttribute('data-value')).toBe(false); // no call waits: absent, never 0
  });

  it('CCX: a call taken in Not Ready (no Active state change, channel voice_-1, no queue data) still shows the call', async () => {
    renderDesk(fakePort());
    publish(channel({ id: 'voice_-1', state: 'NotReady', reasonCode: '2', reasonLabel: 'Lunch' }), {
      kind: 'desk.workitem',
      source: 'cil',
      at: T0,
      id: '7',
      state: 'Active',
      ani: '2002',
      connectedAt: T0,
    });
    await settle();
    expect(screen.getByTestId('my-state').getAttribute('data-channel-id')).toBe('voice_-1');
    expect(screen.getByTestId('my-state').getAttribute('data-state')).toBe('NotReady');
    expect(screen.getByTestId('work-item').getAttribute('data-state')).toBe('Active');
    expect(screen.getByTestId('no-queues').textContent).toContain('CCX');
  });

  it('speaks German with ?lang=de: the buttons are named Bereit / Nicht bereit / Abmelden', () => {
    setLanguage('de');
    try {
      renderDesk(fakePort());
      expect(screen.getByRole('button', { name: 'Bereit' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Nicht bereit' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Abmelden' })).toBeTruthy();
    } finally {
      setLanguage('en');
    }
  });
});
