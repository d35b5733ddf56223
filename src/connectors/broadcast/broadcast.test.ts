import { describe, expect, it } from 'vitest';
import type { BroadcastEvent } from '../../domain';
import { fakeStompSession } from '../stomp/fake-session.test-support';
import type { StompSessions } from '../stomp/shared';
import { createBroadcastChannel, parseBroadcastFrame, serializeBroadcast } from './index';

const T0 = 1_764_568_800_000;
const TOPIC = '/topic/wallboard.broadcast';

/** The exact body of docs/CONTRACTS.md "Broadcast messages". */
const CONTRACT_BODY =
  '{"type":"wallboard.broadcast","version":1,"sentAt":1764568800000,"messages":[{"id":"b-1","text":"Fire drill at 14:00 — leave by the east stairs","severity":"warning","postedAt":1764568800000,"expiresAt":1764569700000}]}';

describe('broadcast wire (docs/CONTRACTS.md "Broadcast messages")', () => {
  it('parses the contract example', () => {
    expect(parseBroadcastFrame(CONTRACT_BODY)).toEqual({
      messages: [{ id: 'b-1', text: 'Fire drill at 14:00 — leave by the east stairs', severity: 'warning', postedAt: T0, expiresAt: T0 + 900_000 }],
      errors: [],
    });
  });

  it('round-trips what it serialises', () => {
    const m = { id: 'x_1', text: '<b>not html</b>', severity: 'critical' as const, postedAt: T0, expiresAt: T0 + 1000 };
    expect(parseBroadcastFrame(serializeBroadcast([m], T0)).messages).toEqual([m]);
  });

  it('refuses a body that is not JSON, a wrong envelope and an own __proto__ key as a whole', () => {
    expect(parseBroadcastFrame('{nope').errors[0]?.code).toBe('malformed-frame');
    const wrong = parseBroadcastFrame('{"type":"other","version":1,"sentAt":1,"messages":[]}');
    expect(wrong.messages).toBeUndefined();
    expect(wrong.errors.map((e) => e.code)).toEqual(['wrong-type']);
    expect(parseBroadcastFrame('{"type":"wallboard.broadcast","version":1,"sentAt":1,"messages":[],"__proto__":{"x":1}}').errors[0]?.code).toBe('wrong-type');
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `m${i}`, text: 't', severity: 'info', postedAt: 1, expiresAt: 2 }));
    expect(parseBroadcastFrame(JSON.stringify({ type: 'wallboard.broadcast', version: 1, sentAt: 1, messages: many })).errors[0]?.code).toBe('wrong-type');
  });

  it('drops a bad message, counts it, and keeps the valid ones around it', () => {
    const body = JSON.stringify({
      type: 'wallboard.broadcast',
      version: 1,
      sentAt: T0,
      messages: [
        { id: 'ok1', text: 'first', severity: 'info', postedAt: T0, expiresAt: T0 + 1 },
        { id: 'bad', text: 'x'.repeat(281), severity: 'info', postedAt: T0, expiresAt: T0 + 1 },
        { id: 'sev', text: 'y', severity: 'panic', postedAt: T0, expiresAt: T0 + 1 },
        { id: 'exp', text: 'z', severity: 'info', postedAt: T0, expiresAt: T0 },
        { id: 'ok1', text: 'repeat', severity: 'info', postedAt: T0, expiresAt: T0 + 1 },
        JSON.parse('{"id":"p","text":"t","severity":"info","postedAt":1,"expiresAt":2,"__proto__":{"polluted":true}}'),
        { id: 'ok2', text: 'second', severity: 'critical', postedAt: T0, expiresAt: T0 + 5 },
      ],
    });
    const r = parseBroadcastFrame(body);
    expect(r.messages?.map((m) => m.id)).toEqual(['ok1', 'ok2']);
    expect(r.errors.map((e) => e.code)).toEqual(Array(5).fill('invalid-message'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

function setup() {
  const fake = fakeStompSession();
  const subscribed: { destination: string; headers: Record<string, string> | undefined }[] = [];
  const subscribe = fake.session.subscribe.bind(fake.session);
  fake.session.subscribe = (d, h, headers) => {
    subscribed.push({ destination: d, headers: headers ? { ...headers } : undefined });
    return subscribe(d, h, headers);
  };
  const stomp: StompSessions = { get: () => Promise.resolve(fake.session), stopAll: async () => {} };
  const events: BroadcastEvent[] = [];
  let now = T0;
  let n = 0;
  const channel = createBroadcastChannel(
    { brokerUrls: ['ws://b'], topic: TOPIC },
    { stomp, emit: (e) => events.push(...e), now: () => now, newId: () => `id${++n}` },
  );
  return { fake, subscribed, events, channel, setNow: (t: number) => (now = t) };
}

describe('broadcast channel', () => {
  it('subscribes retroactively and reports the link and the lists it receives', async () => {
    const { fake, subscribed, events, channel } = setup();
    channel.start();
    await Promise.resolve();
    await Promise.resolve();
    expect(subscribed).toEqual([{ destination: TOPIC, headers: { 'activemq.retroactive': 'true' } }]);
    fake.deliver(TOPIC, CONTRACT_BODY, { 'ActiveMQ.Retained': 'true' });
    fake.deliver(TOPIC, 'garbage');
    expect(events.map((e) => e.kind)).toEqual(['broadcast.link', 'broadcast.link', 'broadcast.snapshot', 'broadcast.error']);
    expect(events[1]).toMatchObject({ status: 'live' });
    expect(events[2]).toMatchObject({ messages: [{ id: 'b-1' }] });
    expect(events[3]).toMatchObject({ code: 'malformed-frame' });
  });

  it('posts the full list in force with ActiveMQ.Retain, and withdraws from it', async () => {
    const { fake, channel, setNow } = setup();
    channel.start();
    await Promise.resolve();
    await Promise.resolve();
    fake.deliver(TOPIC, CONTRACT_BODY);
    setNow(T0 + 1000);
    const m = channel.port.post({ text: '  Team meeting at 3  ', severity: 'info', ttlSec: 300 });
    expect(m).toEqual({ id: 'id1', text: 'Team meeting at 3', severity: 'info', postedAt: T0 + 1000, expiresAt: T0 + 301_000 });
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]?.destination).toBe(TOPIC);
    expect(fake.sent[0]?.headers).toMatchObject({ 'ActiveMQ.Retain': 'true' });
    expect(parseBroadcastFrame(fake.sent[0]?.body ?? '').messages?.map((x) => x.id)).toEqual(['b-1', 'id1']);
    // The broker echoes the list; a withdrawal publishes it without the message.
    fake.deliver(TOPIC, fake.sent[0]?.body ?? '');
    channel.port.withdraw('b-1');
    expect(parseBroadcastFrame(fake.sent[1]?.body ?? '').messages?.map((x) => x.id)).toEqual(['id1']);
    // Expired messages are not carried on.
    fake.deliver(TOPIC, fake.sent[0]?.body ?? '');
    setNow(T0 + 900_001);
    channel.port.post({ text: 'later', severity: 'critical', ttlSec: 60 });
    expect(parseBroadcastFrame(fake.sent[2]?.body ?? '').messages?.map((x) => x.id)).toEqual(['id2']);
  });

  it('refuses a draft out of limits and says when the broker is not connected', async () => {
    const { fake, channel } = setup();
    expect(() => channel.port.post({ text: 'x', severity: 'info', ttlSec: 60 })).toThrow(/No broker connection/);
    channel.start();
    await Promise.resolve();
    await Promise.resolve();
    expect(() => channel.port.post({ text: '   ', severity: 'info', ttlSec: 60 })).toThrow(RangeError);
    expect(() => channel.port.post({ text: 'x'.repeat(281), severity: 'info', ttlSec: 60 })).toThrow(RangeError);
    expect(() => channel.port.post({ text: 'x', severity: 'info', ttlSec: 0 })).toThrow(RangeError);
    fake.setStatus({ state: 'down', connects: 1, reason: 'closed' });
    expect(() => channel.port.post({ text: 'x', severity: 'info', ttlSec: 60 })).toThrow(/No broker connection/);
    expect(fake.sent).toHaveLength(0);
  });
});
