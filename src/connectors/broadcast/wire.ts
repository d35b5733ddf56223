/**
 * The broadcast topic's wire format (docs/CONTRACTS.md "Broadcast messages"; the wallboard's
 * own contract, not a vendor's). Every post or withdrawal publishes ONE JSON text message,
 * the full list of messages in force, with the header `ActiveMQ.Retain: true`:
 *
 * ```json
 * { "type": "wallboard.broadcast", "version": 1, "sentAt": 1764568800000,
 *   "messages": [ { "id": "b-…", "text": "…", "severity": "warning",
 *                   "postedAt": 1764568800000, "expiresAt": 1764569700000 } ] }
 * ```
 * Times are epoch ms.
 */
import { BROADCAST_SEVERITIES, MAX_BROADCAST_TEXT, MAX_BROADCASTS, type BroadcastMessage } from '../../domain';
import { z } from '../../domain/zod';

/** The envelope's `type`. */
export const BROADCAST_TYPE = 'wallboard.broadcast';
/** The envelope's `version`. */
export const BROADCAST_VERSION = 1;

const messageSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only (1 to 64)')),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_BROADCAST_TEXT)),
  severity: z.enum(BROADCAST_SEVERITIES),
  postedAt: z.number(),
  expiresAt: z.number(),
});

const envelopeSchema = z.strictObject({
  type: z.literal(BROADCAST_TYPE),
  version: z.literal(BROADCAST_VERSION),
  sentAt: z.number(),
  messages: z.array(z.unknown()).check(z.maxLength(MAX_BROADCASTS)),
});

/** One refused part of a frame: a code (`malformed-frame`, `wrong-type`, `invalid-message`) and a plain-text reason. */
export interface BroadcastWireError {
  readonly code: 'malformed-frame' | 'wrong-type' | 'invalid-message';
  readonly message: string;
}

/** What {@link parseBroadcastFrame} gives: the valid messages (absent when the frame as a whole was refused) and the errors. */
export interface ParsedBroadcast {
  readonly messages?: readonly BroadcastMessage[];
  readonly errors: readonly BroadcastWireError[];
}

function firstIssue(e: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const i = e.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/**
 * Parses one MESSAGE body of the broadcast topic. A body that is not JSON is `malformed-frame`;
 * a wrong envelope (type, version, unknown keys such as an own `__proto__`, more than
 * {@link MAX_BROADCASTS} messages) is `wrong-type`: the frame is refused as a whole. A
 * single bad message (text empty or over {@link MAX_BROADCAST_TEXT}, unknown severity,
 * `expiresAt` not after `postedAt`, a repeated id) is one `invalid-message` error and is
 * dropped; the others are kept. Never throws.
 */
export function parseBroadcastFrame(body: string): ParsedBroadcast {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { errors: [{ code: 'malformed-frame', message: `broadcast: not JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  const env = envelopeSchema.safeParse(json);
  if (!env.success) return { errors: [{ code: 'wrong-type', message: `broadcast: ${firstIssue(env.error)}` }] };
  const messages: BroadcastMessage[] = [];
  const errors: BroadcastWireError[] = [];
  const seen = new Set<string>();
  env.data.messages.forEach((raw, i) => {
    const m = messageSchema.safeParse(raw);
    if (!m.success) {
      errors.push({ code: 'invalid-message', message: `broadcast: messages.${i}.${firstIssue(m.error)}` });
      return;
    }
    if (m.data.expiresAt <= m.data.postedAt) {
      errors.push({ code: 'invalid-message', message: `broadcast: messages.${i}: expiresAt is not after postedAt` });
      return;
    }
    if (seen.has(m.data.id)) {
      errors.push({ code: 'invalid-message', message: `broadcast: messages.${i}: id "${m.data.id}" repeated` });
      return;
    }
    seen.add(m.data.id);
    messages.push(m.data);
  });
  return { messages, errors };
}

/** The body that publishes `messages` (the full list in force) at `sentAt` (epoch ms). */
export function serializeBroadcast(messages: readonly BroadcastMessage[], sentAt: number): string {
  return JSON.stringify({ type: BROADCAST_TYPE, version: BROADCAST_VERSION, sentAt, messages });
}
