/**
 * Broker request/reply (src/connectors/stomp/request-reply.ts; NOTES.md §4) against a REAL
 * ActiveMQ behind the WebSocket relay: the reply comes back on the client's named reply queue
 * (ActiveMQ passes `reply-to` and `correlation-id` through), a negative answer and silence
 * are told apart, and a relay outage fails what is pending at once.
 */
import { Client, type IMessage } from '@stomp/stompjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrokerRelay, type BrokerRelay } from '../../sim/broker-relay';
import { createBrokerRequester, type BrokerRequester, type ReplyOutcome } from '../../src/connectors/stomp/request-reply';
import { createStompSession, type StompInbound, type StompSession } from '../../src/connectors/stomp/stomp-session';
import { activeMqInstalled, killActiveMq, startActiveMq, until } from './support/activemq';

const COMMANDS = '/queue/it.request-reply.commands';

const decode = (reply: StompInbound): ReplyOutcome<{ command: string; isSuccess: boolean }> => {
  const v = JSON.parse(reply.body) as { command: string; isSuccess: unknown; message?: string };
  if (typeof v.isSuccess !== 'boolean') return { ok: false, malformed: 'no boolean isSuccess' };
  return v.isSuccess ? { ok: true, value: v as { command: string; isSuccess: boolean } } : { ok: false, negative: v.message ?? 'refused' };
};

describe.skipIf(!activeMqInstalled)('broker request/reply ⇄ real ActiveMQ', () => {
  let brokerPid = 0;
  let relay: BrokerRelay;
  let session: StompSession;
  let requester: BrokerRequester;
  let responder: Client;
  const seen: Record<string, string>[] = [];

  beforeAll(async () => {
    brokerPid = await startActiveMq();
    relay = await startBrokerRelay({ listenPort: 0, targetPort: 61613 });
    // The relay: a UIP workflow's role (NOTES §4) — answers on reply-to with the correlation id,
    // as the command's `properties.answer` says.
    responder = new Client({
      webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${relay.port}`, ['v12.stomp', 'v11.stomp']),
      reconnectDelay: 200,
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0,
      debug: () => undefined,
    });
    responder.onConnect = () => {
      responder.subscribe(COMMANDS, (m: IMessage) => {
        seen.push({ ...m.headers });
        const cmd = JSON.parse(m.body) as { command: string; properties: { answer: string } };
        if (cmd.properties.answer === 'none') return;
        const body = cmd.properties.answer === 'no' ? { command: cmd.command, isSuccess: false, message: 'Agent not found' } : { command: cmd.command, isSuccess: true };
        responder.publish({ destination: m.headers['reply-to']!, body: JSON.stringify(body), headers: { 'correlation-id': m.headers['correlation-id']! }, skipContentLengthHeader: true });
      });
    };
    responder.activate();
    session = createStompSession({
      brokerUrls: [`ws://127.0.0.1:${relay.port}`],
      WebSocket: WebSocket as never,
      heartbeatMs: 2_000,
      backoff: { initialMs: 200, maxMs: 1_000, floorMs: 50 },
      connectTimeoutMs: 5_000,
    });
    requester = createBrokerRequester({ session, timeoutMs: 3_000, clientId: `it-${process.pid}` });
    session.start();
    await until(() => session.connected && responder.connected, 15_000, 'requester and responder connected');
  });

  afterAll(async () => {
    requester?.stop();
    await session?.stop();
    await responder?.deactivate();
    await relay?.close();
    if (brokerPid) await killActiveMq(brokerPid);
  });

  const ask = (command: string, answer: 'yes' | 'no' | 'none', timeoutMs?: number) =>
    requester.request({ destination: COMMANDS, body: JSON.stringify({ command, instance: 'BCT1', properties: { answer } }), decode, label: command, ...(timeoutMs ? { timeoutMs } : {}) });

  it('gets the reply on the named reply queue, matched by correlation-id', async () => {
    await expect(ask('SetAgentReady', 'yes')).resolves.toEqual({ command: 'SetAgentReady', isSuccess: true });
    expect(seen.at(-1)).toMatchObject({ 'reply-to': requester.replyTo, 'correlation-id': expect.stringMatching(/^it-\d+-\d+$/) });
  });

  it('keeps concurrent requests apart', async () => {
    const all = await Promise.all(['A', 'B', 'C', 'D'].map((c) => ask(c, 'yes')));
    expect(all.map((r) => r.command)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a negative answer and no answer are distinct errors', async () => {
    await expect(ask('SetAgentNotReady', 'no')).rejects.toMatchObject({ kind: 'negative', message: 'SetAgentNotReady refused: Agent not found' });
    await expect(ask('RouteMessage', 'none', 800)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('a broken connection fails the pending request at once; after the reconnect nothing was re-sent', async () => {
    const before = seen.length;
    const pending = ask('GetCurrentAlarms', 'none', 60_000);
    await until(() => seen.length > before, 5_000, 'command reached the responder');
    const t0 = Date.now();
    relay.dropAll();
    await expect(pending).rejects.toMatchObject({ kind: 'disconnected' });
    expect(Date.now() - t0).toBeLessThan(5_000);
    await until(() => session.connected && responder.connected, 15_000, 'reconnected');
    await expect(ask('SetAgentReady', 'yes')).resolves.toMatchObject({ isSuccess: true });
    expect(seen.slice(before).map((h) => h['correlation-id'])).toHaveLength(2);
  });
});
