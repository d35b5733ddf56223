// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPortDirectory, type ChatPort, type ChatSessionRef } from '../../domain';
import { setLanguage } from '../../i18n';
import { CHAT_STORAGE_KEY } from '../../stores';
import { publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { BoardContext } from '../../ui';
import { TEST_SETTINGS } from '../../ui/test-support';
import { ChatPanel } from './ChatPanel';
import { ChatWaitingCount } from './ChatWaitingCount';

const board = setupTestWallboard();
afterEach(() => {
  localStorage.clear();
});

const HOSTILE = '<img src=x onerror="window.__chatXss=1">https://evil.example/ \u202Eabc';

function fakePort() {
  const calls: [string, ChatSessionRef, unknown][] = [];
  let fail = false;
  const settle = (name: string, s: ChatSessionRef, arg: unknown, action?: Parameters<typeof publish>[0]) => {
    calls.push([name, s, arg]);
    if (fail) return Promise.reject(new Error('SendWebChatMessage refused'));
    if (action) publish(action);
    return Promise.resolve();
  };
  const at = () => board.fake.now();
  const port: ChatPort = {
    source: 'bct',
    agentName: 'Service Desk',
    starterName: '',
    routerName: 'ChatRouter',
    respond: (s, a) => settle('respond', s, a, { kind: 'chat.action', source: 'bct', sessionId: s.sessionId, instance: s.instance, action: a.accept ? 'accepted' : 'rejected', senderName: 'Service Desk', at: at() }),
    sendMessage: (s, m) => settle('sendMessage', s, m, { kind: 'chat.action', source: 'bct', sessionId: s.sessionId, instance: s.instance, action: 'message', text: m, senderName: 'Service Desk', at: at() }),
    sendChoice: (s, o) => settle('sendChoice', s, o),
    requestAgent: (s) => settle('requestAgent', s, undefined),
    leave: (s) => settle('leave', s, undefined),
  };
  return { port, calls, setFail: (v: boolean) => (fail = v) };
}

function renderPanel(port: ChatPort) {
  return render(
    <BoardContext.Provider value={{ config: TEST_SETTINGS, ports: createPortDirectory({ bct: { webChat: port } }) }}>
      <ChatPanel />
    </BoardContext.Provider>,
  );
}

const request = (sessionId: string, initiator = 'Max Muster') =>
  publish({ kind: 'chat.request', source: 'bct', sessionId, instance: 'BCT2', initiator, email: 'max@example.com', router: 'Support', language: 'en', at: board.fake.now() });
const customer = (sessionId: string, message: string) =>
  publish({ kind: 'chat.message', source: 'bct', sessionId, instance: 'BCT2', message, senderName: 'Max Muster', isSenderAgent: false, agentRequested: false, agentJoined: false, at: board.fake.now() });

describe('ChatPanel', () => {
  it('accepts a request to its own instance; Enter sends, Shift+Enter does not; unread badges; waiting time ticks', async () => {
    const { port, calls } = fakePort();
    request('c-1');
    request('c-2', 'Erika');
    renderPanel(port);
    const items = screen.getAllByTestId('chat-session');
    expect(items.map((i) => [i.dataset.sessionId, i.dataset.state])).toEqual([
      ['c-1', 'requested'],
      ['c-2', 'requested'],
    ]);
    expect(items[0]!.textContent).toContain('0:00');
    act(() => board.fake.advance(5_000));
    expect(screen.getAllByTestId('chat-session')[0]!.textContent).toContain('0:05');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Accept' })));
    expect(calls[0]).toEqual(['respond', { source: 'bct', sessionId: 'c-1', instance: 'BCT2' }, { accept: true }]);
    const byId = (id: string) => screen.getAllByTestId('chat-session').find((i) => i.dataset.sessionId === id)!;
    expect(byId('c-1').dataset.state).toBe('active');
    expect(byId('c-1').getAttribute('aria-pressed')).toBe('true');
    customer('c-2', 'anyone?');
    expect(byId('c-2').dataset.unread).toBe('1');
    const input = screen.getByTestId('chat-input');
    fireEvent.change(input, { target: { value: 'line one' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(calls).toHaveLength(1);
    await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
    expect(calls[1]).toEqual(['sendMessage', { source: 'bct', sessionId: 'c-1', instance: 'BCT2' }, 'line one']);
    const agentLines = screen.getAllByTestId('chat-message').filter((m) => m.dataset.sender === 'agent');
    expect(agentLines.map((m) => m.textContent)).toEqual([expect.stringContaining('line one')]);
  });

  it('a failed send stays with its text and a Retry that sends it again; a draft survives switching sessions', async () => {
    const { port, calls, setFail } = fakePort();
    request('c-1');
    publish({ kind: 'chat.action', source: 'bct', sessionId: 'c-1', instance: 'BCT2', action: 'accepted', senderName: 'Service Desk', at: board.fake.now() });
    request('c-2', 'Erika');
    publish({ kind: 'chat.action', source: 'bct', sessionId: 'c-2', instance: 'BCT2', action: 'accepted', senderName: 'Service Desk', at: board.fake.now() });
    renderPanel(port);
    setFail(true);
    fireEvent.change(screen.getByTestId('chat-input'), { target: { value: 'hello there' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));
    const failed = screen.getAllByTestId('chat-message').find((m) => m.dataset.status === 'failed')!;
    expect(failed.textContent).toContain('hello there');
    setFail(false);
    await act(async () => fireEvent.click(within(failed).getByRole('button', { name: 'Retry' })));
    expect(calls.map((c) => c[2])).toEqual(['hello there', 'hello there']);
    expect(screen.queryAllByTestId('chat-message').filter((m) => m.dataset.status)).toHaveLength(0);
    fireEvent.change(screen.getByTestId('chat-input'), { target: { value: 'half typed' } });
    fireEvent.click(screen.getAllByTestId('chat-session')[1]!);
    expect((screen.getByTestId('chat-input') as HTMLTextAreaElement).value).toBe('');
    fireEvent.click(screen.getAllByTestId('chat-session')[0]!);
    expect((screen.getByTestId('chat-input') as HTMLTextAreaElement).value).toBe('half typed');
  });

  it('renders hostile vendor text as text (no element, no link) with dir=auto; German names; the sessions are saved to browser storage', () => {
    const { port } = fakePort();
    publish({ kind: 'chat.request', source: 'bct', sessionId: 'c-x', instance: 'BCT2', initiator: HOSTILE, email: HOSTILE, router: HOSTILE, language: HOSTILE, at: board.fake.now() });
    customer('c-x', HOSTILE);
    act(() => setLanguage('de'));
    try {
      const { container, unmount } = renderPanel(port);
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('a')).toBeNull();
      expect(screen.getAllByTestId('chat-message').find((m) => m.dataset.sender === 'customer')!.textContent).toContain(HOSTILE);
      expect(screen.getByRole('button', { name: 'Annehmen' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Ablehnen' })).toBeTruthy();
      expect(localStorage.getItem(CHAT_STORAGE_KEY)).toContain('c-x');
      unmount();
    } finally {
      act(() => setLanguage('en'));
    }
  });

  it('the kiosk count shows waiting chats only', () => {
    request('c-1');
    request('c-2');
    publish({ kind: 'chat.ended', source: 'bct', sessionId: 'c-2', instance: 'BCT2', at: board.fake.now() });
    render(<ChatWaitingCount />);
    expect(screen.getByTestId('chat-waiting-count').dataset.value).toBe('1');
  });
});
