import { z } from '../../domain/zod';

/** True when `s` is exactly an http(s) origin, e.g. `https://acme.service-now.com` (no path, no trailing slash). */
export function isOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
  } catch {
    return false;
  }
}

/**
 * Configuration of the b+s Connects CIL backend, `sources.cil` in `config.json`
 * (cil-bs-connects-integration-api.txt; NOTES.md §2). Durations: `...Ms` milliseconds.
 * A `zod/mini` schema (`src/domain/zod.ts`).
 *
 * - `mode`: `direct` (the wallboard is served inside the ServiceNow UI Page and uses
 *   `window.ConnectsIntegrationLibrary`) or `bridge` (the UI Page of `integrations/servicenow/`
 *   hosts the wallboard in an iframe and relays CIL over `postMessage`);
 * - `allowedOrigin`: with `bridge`, required: the host page's origin; messages from any
 *   other origin or window are refused and counted;
 * - `channelId`: the CIL channel id every request names (`voice`: all voice channels;
 *   `voice_<peripheral_id>`; `voice_-1` on CCX; `telephony` on WxCC);
 * - `requestTimeoutMs`: a request not answered (or not confirmed) within it fails.
 */
export const cilConfigSchema = z
  .strictObject({
    enabled: z._default(z.boolean(), true),
    mode: z._default(z.enum(['direct', 'bridge']), 'direct'),
    allowedOrigin: z.optional(z.string().check(z.refine(isOrigin, 'must be an http(s) origin such as https://acme.service-now.com'))),
    channelId: z._default(z.string().check(z.minLength(1)), 'voice'),
    requestTimeoutMs: z._default(z.number().check(z.int(), z.positive()), 10_000),
  })
  .check(
    z.refine((c) => c.mode !== 'bridge' || c.allowedOrigin !== undefined, {
      message: 'is required with "mode": "bridge" (the bridge page\'s origin)',
      path: ['allowedOrigin'],
    }),
  );

/** Validated CIL settings (`sources.cil`, defaults applied). */
export type CilConnectorConfig = z.output<typeof cilConfigSchema>;
