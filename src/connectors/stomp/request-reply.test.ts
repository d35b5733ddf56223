import { describe, expect, it } from 'vitest';
import { fakeStompSession } from './fake-session.test-support';
import { createFakeScheduler } from '../../lib/scheduler';
import { BrokerRequestError, createBrokerRequester, type ReplyOutcome } from './request-reply';
import type { StompInbound } from './stomp-session';


/** The BCT reply rule (NOTES §4): `{"command":…, "isSuccess": true|false, …}`. */
const bctDecode = (reply: StompInbound): ReplyOutcome<Record<string, unknown>> => {
  const v = JSON.parse(reply.body) as unknown;
  if (typeof v !== 'object' || v === null || typeof (v as { isSuccess?: unknown }).isSuccess !== 'boolean') {
    return { ok: false, malformed: 'no boolean isSuccess' };
  }
  const r = v as { isSuccess: boolean; message?: string };
  return r.isSuccess ? { ok: true, value: r as Record<string, unknown> } : { ok: false, negative: r.message ?? 'isSuccess: false' };
};

function setup() {
  const scheduler = createFakeScheduler(1_000_000);
  const s = fakeStompSession();
  const stray: string[] = [];
  const r = createBrokerRequester({ session: s.session, scheduler, timeoutMs: 5_000, clientId: 'board-1', onStray: (_m, why) => stray.push(why) });
  const ask = (label = 'SetAgentReady') =>
    r.request({ destination: '/queue/uip.bct.commands', body: JSON.stringify({ command: label, instance: 'BCT1', properties: { agentName: 'ann' } }), decode: bctDecode, label });
  const answer = (i: number, body: string) => s.deliver(r.replyTo, body, { 'correlation-id': s.sent[i]!.headers!['correlation-id']! });
  return { scheduler, s, r, ask, answer, stray };
}

describe('broker request/reply', () => {
  it('sends with reply-to (a named queue per client) and a fresh correlation-id, and resolves with the matching reply', async () => {
    const { s, r, ask, answer } = setup();
    expect(r.replyTo).toBe('/queue/wallboard.replies.board-1');
    expect(s.subscribers(r.replyTo)).toBe(1);
    const a = ask('SetAgentReady');
    const b = ask('SetAgentNotReady');
    expect(s.sent.map((m) => m.headers)).toEqual([
      { 'reply-to': '/queue/wallboard.replies.board-1', 'correlation-id': 'board-1-1' },
      { 'reply-to': '/queue/wallboard.replies.board-1', 'correlation-id': 'board-1-2' },
    ]);
    answer(1, '{"command":"SetAgentNotReady","isSuccess":true}');
    answer(0, '{"command":"SetAgentReady","isSuccess":true,"agentName":"ann"}');
    await expect(a).resolves.toEqual({ command: 'SetAgentReady', isSuccess: true, agentName: 'ann' });
    await expect(b).resolves.toMatchObject({ command: 'SetAgentNotReady' });
    expect(r.pending()).toBe(0);
  });

  it('tells the three failures apart: a negative answer, no answer in time, a malformed answer', async () => {
    const { scheduler, ask, answer, r } = setup();
    const negative = ask('SetAgentNotReady');
    const silent = ask('SetAgentReady');
    const garbage = ask('GetCurrentAlarms');
    const notJson = ask('RouteMessage');
    answer(0, '{"command":"SetAgentNotReady","isSuccess":false,"message":"Unknown reason <b>x</b>"}');
    answer(2, '{"command":"GetCurrentAlarms"}');
    answer(3, '<html>502</html>');
    const err = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as BrokerRequestError);
    const e1 = await err(negative);
    expect(e1).toBeInstanceOf(BrokerRequestError);
    expect(e1).toMatchObject({ kind: 'negative', message: 'SetAgentNotReady refused: Unknown reason <b>x</b>' });
    expect(await err(garbage)).toMatchObject({ kind: 'malformed', message: 'GetCurrentAlarms: malformed reply (no boolean isSuccess)' });
    expect((await err(notJson))?.kind).toBe('malformed');
    expect(r.pending()).toBe(1);
    scheduler.advance(4_999);
    expect(r.pending()).toBe(1);
    scheduler.advance(1);
    expect(await err(silent)).toMatchObject({ kind: 'timeout', message: 'SetAgentReady: no reply within 5 s' });
  });

  it('reports a late reply (after its timeout) and unknown or missing correlation ids as strays, never throws', async () => {
    const { scheduler, s, r, ask, answer, stray } = setup();
    const p = ask();
    scheduler.advance(5_000);
    await expect(p).rejects.toMatchObject({ kind: 'timeout' });
    answer(0, '{"isSuccess":true}');
    s.deliver(r.replyTo, '{"isSuccess":true}', { 'correlation-id': 'someone-else' });
    s.deliver(r.replyTo, '{"isSuccess":true}', {});
    expect(stray).toEqual(['unknown-correlation-id', 'unknown-correlation-id', 'no-correlation-id']);
  });

  it('fails every pending request at once when the session drops, and re-sends nothing after the reconnect', async () => {
    const { s, ask } = setup();
    const a = ask('SetAgentReady');
    const b = ask('RouteMessage');
    s.setStatus({ state: 'down', connects: 1, reason: 'socket closed' });
    await expect(a).rejects.toMatchObject({ kind: 'disconnected' });
    await expect(b).rejects.toMatchObject({ kind: 'disconnected', message: expect.stringContaining('not re-sent') });
    await expect(ask()).rejects.toMatchObject({ kind: 'not-connected' });
    s.setStatus({ state: 'connected', connects: 2 });
    expect(s.sent).toHaveLength(2);
    const c = ask();
    expect(s.sent).toHaveLength(3);
    s.deliver('/queue/wallboard.replies.board-1', '{"isSuccess":true}', { 'correlation-id': s.sent[2]!.headers!['correlation-id']! });
    await expect(c).resolves.toEqual({ isSuccess: true });
  });

  it('a per-request timeout wins over the default; stop fails what is pending and drops the reply subscription', async () => {
    const { scheduler, s, r } = setup();
    const quick = r.request({ destination: '/queue/x', body: '{}', timeoutMs: 250, decode: bctDecode, label: 'Quick' });
    scheduler.advance(250);
    await expect(quick).rejects.toMatchObject({ kind: 'timeout', message: 'Quick: no reply within 0.3 s' });
    const left = r.request({ destination: '/queue/x', body: '{}', decode: bctDecode });
    r.stop();
    await expect(left).rejects.toMatchObject({ kind: 'disconnected' });
    expect(s.subscribers(r.replyTo)).toBe(0);
    await expect(r.request({ destination: '/queue/x', body: '{}', decode: bctDecode })).rejects.toMatchObject({ kind: 'disconnected' });
  });

  it('refuses reply queue names a broker could misread', () => {
    const s = fakeStompSession();
    expect(() => createBrokerRequester({ session: s.session, timeoutMs: 1_000, clientId: 'a/b' })).toThrow(RangeError);
    expect(() => createBrokerRequester({ session: s.session, timeoutMs: 0 })).toThrow(RangeError);
  });
});

describe('broker request/reply: cancel and structured refusals (UCCX)', () => {
  it('an aborted signal stops waiting at once (kind cancelled); a late reply is a stray; an aborted-before signal sends nothing', async () => {
    const { s, r, answer, stray } = setup();
    const ac = new AbortController();
    const p = r.request({ destination: '/queue/openmethods.requests', body: '{}', decode: bctDecode, label: 'report.calljourney', signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    expect(r.pending()).toBe(0);
    answer(0, '{"isSuccess":true}');
    expect(stray).toEqual(['unknown-correlation-id']);
    await expect(r.request({ destination: '/q', body: '{}', decode: bctDecode, signal: ac.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(s.sent).toHaveLength(1);
  });

  it('a negative outcome with a failure carries it on the error', async () => {
    const { r, answer } = setup();
    const p = r.request({
      destination: '/queue/openmethods.requests',
      body: '{}',
      label: 'report.calljourney',
      decode: () => ({ ok: false, negative: 'CALL_NOT_FOUND: none', failure: { code: 'CALL_NOT_FOUND', message: 'none' } }),
    });
    answer(0, '{}');
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BrokerRequestError);
    expect(e).toMatchObject({ kind: 'negative', failure: { code: 'CALL_NOT_FOUND', message: 'none' }, message: 'report.calljourney refused: CALL_NOT_FOUND: none' });
  });
});
