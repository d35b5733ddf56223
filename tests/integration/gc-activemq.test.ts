/**
 * The GC connector against a REAL ActiveMQ (Debian package, STOMP TCP 61613) behind the
 * simulator team's WebSocket relay (sim/broker-relay.ts). A test-side stompjs client plays
 * the Generic Connector: it consumes the commands queue and answers on the events topic with
 * vendor State / Error events (gc-generic-connector-activemq.txt; NOTES.md §3, §6).
 * The harness starts ActiveMQ itself (infra/activemq/start.sh) and kills only that PID.
 */
import { Client, type IMessage } from '@stomp/stompjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrokerRelay, type BrokerRelay } from '../../sim/broker-relay';
import { createGcConnector } from '../../src/connectors/gc/gc-connector';
import type { GcConnectorConfig } from '../../src/connectors/gc/config';
import { CommandError, type AgentCommandPort, type Connector } from '../../src/connectors/transport/types';
import type { DomainEvent } from '../../src/domain';
import { activeMqInstalled, killActiveMq, startActiveMq, until } from './support/activemq';

const EVENTS = '/topic/gc.events';
const COMMANDS = '/queue/gc.requests';

/** A 13-field State event (gc doc "Event: State"). */
function stateEvent(id: string, state: string, reason: string): string {
  const now = Date.now();
  return `${id}#State#${state}#${reason}#${new Date(now).toISOString()}##${now}#Ann Lee#${id}#2001#${reason === '2' ? 'Lunch' : ''}#Ann Lee#ann.lee`;
}

interface Received {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The fake GC: consumes commands, answers per `respond`. Re-subscribes on every connect. */
function fakeGc(relayPort: number) {
  const commands: Received[] = [];
  let respond: (cmd: Received) => string | undefined = () => undefined;
  const client = new Client({
    webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${relayPort}`, ['v12.stomp', 'v11.stomp']),
    reconnectDelay: 200,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
    debug: () => undefined,
  });
  client.onConnect = () => {
    client.subscribe(COMMANDS, (m: IMessage) => {
      const cmd = { headers: { ...m.headers }, body: m.body };
      commands.push(cmd);
      const answer = respond(cmd);
      if (answer !== undefined) client.publish({ destination: EVENTS, body: answer, skipContentLengthHeader: true });
    });
  };
  return {
    client,
    commands,
    setResponder(r: (cmd: Received) => string | undefined) {
      respond = r;
    },
    publishEvent(body: string) {
      client.publish({ destination: EVENTS, body, skipContentLengthHeader: true });
    },
  };
}

describe.skipIf(!activeMqInstalled)('GC connector ⇄ real ActiveMQ via the WebSocket relay', () => {
  let brokerPid = 0;
  let relay: BrokerRelay;
  let gc: ReturnType<typeof fakeGc>;
  let connector: Connector & AgentCommandPort;
  const events: DomainEvent[] = [];
  const statuses = () => events.flatMap((e) => (e.kind === 'connection.status' ? [e.status] : []));

  beforeAll(async () => {
    brokerPid = await startActiveMq();
    relay = await startBrokerRelay({ listenPort: 0, targetPort: 61613 });
    const config: GcConnectorConfig = {
      enabled: true,
      brokerUrls: [`ws://127.0.0.1:${relay.port}`],
      eventsDestination: EVENTS,
      commandsDestination: COMMANDS,
      supervisorLoginId: 'sup9001',
      agentLoginIds: [],
      verbs: { ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT', login: 'LOGIN', phonebooks: 'GETPHONEBOOKS', teamPhonebooks: 'GETTEAMPHONEBOOKS', phonebookContacts: 'GETPHONEBOOKCONTACTS' },
      agentDesk: false,
      commandTimeoutMs: 5_000,
      heartbeatMs: 2_000,
      staleAfterMs: 60_000,
    };
    connector = createGcConnector(config, (es) => events.push(...es), {
      WebSocket: WebSocket as never,
      backoff: { initialMs: 200, maxMs: 1_000, floorMs: 50 },
      connectTimeoutMs: 5_000,
    });
    connector.start();
    gc = fakeGc(relay.port);
    gc.client.activate();
    await until(() => statuses().includes('live') && gc.client.connected, 15_000, 'connector live and fake GC connected');
  });

  afterAll(async () => {
    await connector?.stop();
    await gc?.client.deactivate();
    await relay?.close();
    if (brokerPid) await killActiveMq(brokerPid);
  });

  it('setAgentState sends type NOT_READY#<id> with the reason code as a text body and resolves on the State event', async () => {
    gc.setResponder((cmd) => (cmd.headers.type === 'NOT_READY#agent2001' ? stateEvent('agent2001', 'NOT_READY', cmd.body) : undefined));
    const before = gc.commands.length;
    await connector.setAgentState({ agentId: 'agent2001', state: 'NOT_READY', reasonCodeId: '2' });
    const cmd = gc.commands[before];
    expect(cmd?.headers.type).toBe('NOT_READY#agent2001');
    expect(cmd?.body).toBe('2');
    // No content-length: ActiveMQ made a TextMessage, not a BytesMessage (NOTES.md §3).
    expect(cmd?.headers).not.toHaveProperty('content-length');
    expect(events.some((e) => e.kind === 'agent.upsert' && e.id === 'agent2001' && e.state === 'NOT_READY' && e.reasonCodeId === '2')).toBe(true);
  });

  it('READY resolves on the READY State event', async () => {
    gc.setResponder((cmd) => (cmd.headers.type === 'READY#agent2001' ? stateEvent('agent2001', 'READY', '') : undefined));
    await connector.setAgentState({ agentId: 'agent2001', state: 'READY' });
    expect(gc.commands.at(-1)).toMatchObject({ headers: { type: 'READY#agent2001' }, body: '' });
  });

  it('rejects with vendor-error on an Error event for that agent', async () => {
    gc.setResponder((cmd) => (cmd.headers.type === 'LOGOUT#agent2002' ? 'agent2002#Error#GENERAL_ERROR#Simulated failure' : undefined));
    const err = await connector.setAgentState({ agentId: 'agent2002', state: 'LOGOUT', reasonCodeId: '20' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect(err).toMatchObject({ code: 'vendor-error', vendorCode: 'GENERAL_ERROR' });
    expect(gc.commands.at(-1)).toMatchObject({ headers: { type: 'LOGOUT#agent2002' }, body: '20' });
  });

  it('rejects with timeout when GC never confirms', async () => {
    gc.setResponder(() => undefined);
    const t0 = Date.now();
    await expect(connector.setAgentState({ agentId: 'agent2003', state: 'READY' })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4_900);
  });

  it('after the broker is killed and restarted: down, then live again, re-subscribed', async () => {
    const mark = events.length;
    await killActiveMq(brokerPid);
    brokerPid = 0;
    await until(() => events.slice(mark).some((e) => e.kind === 'connection.status' && e.status === 'down'), 15_000, 'status down');
    const down = events.slice(mark).find((e) => e.kind === 'connection.status' && e.status === 'down');
    expect(down?.kind === 'connection.status' && down.reason).toBeTruthy();
    await expect(connector.setAgentState({ agentId: 'agent2001', state: 'READY' })).rejects.toMatchObject({ code: 'not-connected' });

    brokerPid = await startActiveMq();
    await until(() => events.slice(mark).some((e) => e.kind === 'connection.status' && e.status === 'live'), 20_000, 'status live again');
    await until(() => gc.client.connected, 10_000, 'fake GC reconnected');

    // The events topic subscription was re-established: a new event reaches the connector.
    const mark2 = events.length;
    await until(
      () => {
        gc.publishEvent(stateEvent('agent2031', 'TALKING', ''));
        return events.slice(mark2).some((e) => e.kind === 'agent.upsert' && e.id === 'agent2031' && e.state === 'TALKING');
      },
      10_000,
      'State event after the restart',
    );
    // And commands work again.
    gc.setResponder((cmd) => (cmd.headers.type === 'NOT_READY#agent2001' ? stateEvent('agent2001', 'NOT_READY', cmd.body) : undefined));
    await connector.setAgentState({ agentId: 'agent2001', state: 'NOT_READY', reasonCodeId: '4' });
    expect(gc.commands.at(-1)).toMatchObject({ headers: { type: 'NOT_READY#agent2001' }, body: '4' });
  }, 60_000);
});
