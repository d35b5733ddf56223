// @vitest-environment jsdom
/**
 * The ServiceNow side of the CIL bridge (integrations/servicenow/cil-bridge-host.js; NOTES.md
 * §2): it relays CIL events to the wallboard frame, runs only documented requests from the
 * wallboard's origin and frame, and refuses everything else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT_STATE_CHANGE_NOT_READY } from './cil-fixtures.test-data';

const SOURCE = readFileSync(join(import.meta.dirname, '../../../integrations/servicenow/cil-bridge-host.js'), 'utf8');
const WALLBOARD = 'https://wallboard.example.com';

interface Host {
  refused: number;
  stop(): void;
}
interface HostApi {
  start(o: { cil: unknown; frame: HTMLIFrameElement; wallboardOrigin: string; onRefused?: (r: string) => void }): Host;
}

function load(): HostApi {
  new Function(SOURCE)();
  return (window as unknown as { CilBridgeHost: HostApi }).CilBridgeHost;
}

function fakeCil() {
  const handlers: Record<string, (d: unknown) => void> = {};
  const calls: unknown[][] = [];
  const cil: Record<string, unknown> = {
    initIntegration: (cb: () => void) => cb(),
    setAgentState: (...args: unknown[]) => {
      calls.push(['setAgentState', ...args]);
      return Promise.resolve(undefined);
    },
    getReasonCodeList: () => Promise.resolve({ success: true, response: [{ id: 2, label: 'Lunch' }] }),
    getChannel: () => Promise.reject(new Error('Agent not logged in')),
  };
  for (const n of ['onAgentStateChange', 'onError', 'onWorkitemCreate']) cil[n] = (cb: (d: unknown) => void) => (handlers[n] = cb);
  return { cil, handlers, calls };
}

/** An iframe whose contentWindow records what the host posts to it. */
function wallboardFrame() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const posted: { message: unknown; origin: string }[] = [];
  (frame.contentWindow as unknown as { postMessage: (m: unknown, o: string) => void }).postMessage = (message, origin) => posted.push({ message, origin });
  return { frame, posted };
}

function send(data: unknown, origin: string, source: unknown) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }));
}

const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('cil-bridge-host.js', () => {
  it('relays CIL events to the wallboard frame with the wallboard origin as target', () => {
    const { cil, handlers } = fakeCil();
    const { frame, posted } = wallboardFrame();
    const host = load().start({ cil, frame, wallboardOrigin: WALLBOARD });
    handlers['onAgentStateChange']!(AGENT_STATE_CHANGE_NOT_READY);
    expect(posted).toEqual([{ message: { channel: 'cil-bridge', v: 1, kind: 'event', name: 'agentStateChange', data: AGENT_STATE_CHANGE_NOT_READY }, origin: WALLBOARD }]);
    host.stop();
  });

  it("runs the wallboard's requests with the vendor's arguments and answers both forms and failures", async () => {
    const { cil, calls } = fakeCil();
    const { frame, posted } = wallboardFrame();
    const host = load().start({ cil, frame, wallboardOrigin: WALLBOARD });
    send({ channel: 'cil-bridge', v: 1, kind: 'request', id: 'b1', method: 'setAgentState', args: ['voice', 'NotReady', 2, 'r1'] }, WALLBOARD, frame.contentWindow);
    send({ channel: 'cil-bridge', v: 1, kind: 'request', id: 'b2', method: 'getReasonCodeList', args: ['voice', 'NotReady'] }, WALLBOARD, frame.contentWindow);
    send({ channel: 'cil-bridge', v: 1, kind: 'request', id: 'b3', method: 'getChannel', args: ['voice'] }, WALLBOARD, frame.contentWindow);
    await settle();
    expect(calls).toEqual([['setAgentState', 'voice', 'NotReady', 2, 'r1']]);
    expect(posted.map((p) => p.message)).toEqual([
      { channel: 'cil-bridge', v: 1, kind: 'response', id: 'b1', ok: true, result: undefined },
      { channel: 'cil-bridge', v: 1, kind: 'response', id: 'b2', ok: true, result: { success: true, response: [{ id: 2, label: 'Lunch' }] } },
      { channel: 'cil-bridge', v: 1, kind: 'response', id: 'b3', ok: false, error: 'Agent not logged in' },
    ]);
    expect(host.refused).toBe(0);
  });

  it('refuses a foreign origin, another window, malformed messages and undocumented methods; CIL is never called', async () => {
    const { cil, calls } = fakeCil();
    const { frame } = wallboardFrame();
    const other = document.createElement('iframe');
    document.body.append(other);
    const reasons: string[] = [];
    const host = load().start({ cil, frame, wallboardOrigin: WALLBOARD, onRefused: (r) => reasons.push(r) });
    const req = { channel: 'cil-bridge', v: 1, kind: 'request', id: 'x', method: 'setAgentState', args: ['voice', 'Logout', 20, 'evil'] };
    send(req, 'https://evil.example', frame.contentWindow);
    send(req, WALLBOARD, other.contentWindow);
    send(req, WALLBOARD, null);
    send({ ...req, channel: 'other' }, WALLBOARD, frame.contentWindow);
    send({ ...req, args: 'voice' }, WALLBOARD, frame.contentWindow);
    send({ ...req, method: 'initIntegration' }, WALLBOARD, frame.contentWindow);
    send({ ...req, method: 'constructor' }, WALLBOARD, frame.contentWindow);
    await settle();
    expect(host.refused).toBe(7);
    expect(reasons[0]).toContain('https://evil.example');
    expect(calls).toEqual([]);
  });

  it('refuses to start without the CIL global, the frame or an exact origin', () => {
    const api = load();
    const { frame } = wallboardFrame();
    expect(() => api.start({ cil: undefined, frame, wallboardOrigin: WALLBOARD })).toThrow(/ConnectsIntegrationLibrary/);
    expect(() => api.start({ cil: fakeCil().cil, frame, wallboardOrigin: 'https://wallboard.example.com/agent' })).toThrow(/origin/);
  });
});
