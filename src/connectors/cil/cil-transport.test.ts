import { describe, expect, it } from 'vitest';
import { bridgeTransport, directTransport, type CilTransportHandlers, type CilWindow } from './cil-transport';
import { AGENT_STATE_CHANGE_NOT_READY, getChannelAnswer } from './cil-fixtures.test-data';

const HOST = 'https://acme.service-now.com';

function recorder() {
  const log: { what: string; a?: unknown; b?: unknown }[] = [];
  const h: CilTransportHandlers = {
    onEvent: (name, data) => log.push({ what: 'event', a: name, b: data }),
    onReady: () => log.push({ what: 'ready' }),
    onDown: (reason) => log.push({ what: 'down', a: reason }),
    onRejected: (code, reason) => log.push({ what: 'rejected', a: code, b: reason }),
  };
  return { log, h };
}

/** A window inside a parent frame; `post` delivers a message event as the browser would. */
function fakeFramedWindow() {
  const sent: { message: unknown; targetOrigin: string }[] = [];
  const parent = { postMessage: (message: unknown, targetOrigin: string) => sent.push({ message, targetOrigin }) };
  const listeners = new Set<(ev: MessageEvent) => void>();
  const win: CilWindow & { post(data: unknown, origin: string, source: unknown): void } = {
    parent,
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    post(data, origin, source) {
      for (const l of [...listeners]) l({ data, origin, source } as MessageEvent);
    },
  };
  return { win, parent, sent };
}

describe('bridge transport (NOTES.md §2)', () => {
  it('sends requests to the parent with the configured origin, and resolves from the matching response', async () => {
    const { win, parent, sent } = fakeFramedWindow();
    const t = bridgeTransport(win, { allowedOrigin: HOST, newId: () => 'b-1' });
    const { log, h } = recorder();
    t.start(h);
    expect(log).toEqual([{ what: 'ready' }]);
    const p = t.call('setAgentState', ['voice', 'NotReady', 2, 'req-1']);
    expect(sent).toEqual([
      { message: { channel: 'cil-bridge', v: 1, kind: 'request', id: 'b-1', method: 'setAgentState', args: ['voice', 'NotReady', 2, 'req-1'] }, targetOrigin: HOST },
    ]);
    win.post({ channel: 'cil-bridge', v: 1, kind: 'response', id: 'b-1', ok: true, result: { success: true, response: undefined } }, HOST, parent);
    await expect(p).resolves.toEqual({ success: true, response: undefined });
  });

  it('a failed response rejects with the host error text', async () => {
    const { win, parent } = fakeFramedWindow();
    const t = bridgeTransport(win, { allowedOrigin: HOST, newId: () => 'b-2' });
    t.start(recorder().h);
    const p = t.call('getChannel', ['voice']);
    win.post({ channel: 'cil-bridge', v: 1, kind: 'response', id: 'b-2', ok: false, error: 'getChannel is not a function' }, HOST, parent);
    await expect(p).rejects.toThrow('getChannel is not a function');
  });

  it('passes events from the host page on, with name and data', () => {
    const { win, parent } = fakeFramedWindow();
    const t = bridgeTransport(win, { allowedOrigin: HOST, newId: () => 'x' });
    const { log, h } = recorder();
    t.start(h);
    win.post({ channel: 'cil-bridge', v: 1, kind: 'event', name: 'agentStateChange', data: AGENT_STATE_CHANGE_NOT_READY }, HOST, parent);
    expect(log.at(-1)).toEqual({ what: 'event', a: 'agentStateChange', b: AGENT_STATE_CHANGE_NOT_READY });
  });

  it('refuses and reports messages from a foreign origin, another window, and malformed envelopes; acts on none', async () => {
    const { win, parent } = fakeFramedWindow();
    const t = bridgeTransport(win, { allowedOrigin: HOST, newId: () => 'b-3' });
    const { log, h } = recorder();
    t.start(h);
    log.length = 0;
    const p = t.call('getChannel', ['voice']);
    const evt = { channel: 'cil-bridge', v: 1, kind: 'event', name: 'agentStateChange', data: AGENT_STATE_CHANGE_NOT_READY };
    const answer = { channel: 'cil-bridge', v: 1, kind: 'response', id: 'b-3', ok: true, result: getChannelAnswer() };
    win.post(evt, 'https://evil.example', parent); // foreign origin, right window
    win.post(answer, 'https://evil.example', parent);
    win.post(evt, HOST, {}); // right origin, another window
    win.post(evt, HOST, null);
    win.post({ ...evt, channel: 'other' }, HOST, parent); // not ours
    win.post({ ...evt, v: 2 }, HOST, parent);
    win.post('agentStateChange', HOST, parent);
    win.post({ ...evt, kind: 'shout' }, HOST, parent);
    win.post({ ...answer, id: 'never-sent' }, HOST, parent);
    expect(log.map((l) => l.what)).toEqual(Array(9).fill('rejected'));
    expect(log.map((l) => l.a)).toEqual([
      'bridge-foreign-origin',
      'bridge-foreign-origin',
      'bridge-foreign-window',
      'bridge-foreign-window',
      'bridge-malformed',
      'bridge-malformed',
      'bridge-malformed',
      'bridge-malformed',
      'bridge-unknown-response',
    ]);
    // The request is still pending: the right answer from the right window settles it.
    win.post(answer, HOST, parent);
    await expect(p).resolves.toEqual(getChannelAnswer());
  });

  it('is down when the page is not in a frame', () => {
    const listeners = new Set<unknown>();
    const win: CilWindow = { parent: undefined, addEventListener: (_t, l) => listeners.add(l), removeEventListener: () => {} };
    (win as { parent: unknown }).parent = win;
    const { log, h } = recorder();
    bridgeTransport(win, { allowedOrigin: HOST, newId: () => 'x' }).start(h);
    expect(log[0]).toMatchObject({ what: 'down' });
  });
});

describe('direct transport (window.ConnectsIntegrationLibrary)', () => {
  it('calls initIntegration, registers on<Event> for every documented event, and calls the methods', async () => {
    const registered: Record<string, (d: unknown) => void> = {};
    const seen: unknown[][] = [];
    const cil: Record<string, unknown> = {
      initIntegration: (cb: () => void) => cb(),
      setAgentState: async (...args: unknown[]) => {
        seen.push(args);
      },
    };
    for (const n of ['onWorkitemCreate', 'onWorkitemConnect', 'onWorkitemPause', 'onWorkitemResume', 'onWorkitemWrapup', 'onWorkitemEnd', 'onCallVariableChanged', 'onWrapupDataChanged', 'onAgentStateChange', 'onQueueDataUpdate', 'onError']) {
      cil[n] = (cb: (d: unknown) => void) => (registered[n] = cb);
    }
    const win: CilWindow = { ConnectsIntegrationLibrary: cil, parent: undefined, addEventListener: () => {}, removeEventListener: () => {} };
    const t = directTransport(win);
    const { log, h } = recorder();
    t.start(h);
    expect(Object.keys(registered)).toHaveLength(11);
    expect(log).toEqual([{ what: 'ready' }]);
    registered['onAgentStateChange']!(AGENT_STATE_CHANGE_NOT_READY);
    expect(log.at(-1)).toEqual({ what: 'event', a: 'agentStateChange', b: AGENT_STATE_CHANGE_NOT_READY });
    await t.call('setAgentState', ['voice', 'Ready', '', 'r1']);
    expect(seen).toEqual([['voice', 'Ready', '', 'r1']]);
    await expect(t.call('getChannel', ['voice'])).rejects.toThrow('ConnectsIntegrationLibrary.getChannel is not available');
  });

  it('is down without the global', () => {
    const { log, h } = recorder();
    directTransport({ parent: undefined, addEventListener: () => {}, removeEventListener: () => {} }).start(h);
    expect(log[0]).toMatchObject({ what: 'down' });
  });
});
