/**
 * The two ways the wallboard reaches b+s Connects' Integration API (NOTES.md §2):
 * - *direct*: the page runs inside the ServiceNow UI Page and finds the CIL global
 *   `window.ConnectsIntegrationLibrary` (document "Sample code": `cil.on<Event>(cb)`,
 *   `await cil.<request>(…)`), ready once `cil.initIntegration(callback)` calls back;
 * - *bridge* (our contract): a UI Page hosts the wallboard in an iframe and relays CIL over
 *   `postMessage`: host → wallboard `{"channel":"cil-bridge","v":1,"kind":"event","name","data"}`
 *   and `{…"kind":"response","id","ok":true,"result"}` / `{…"ok":false,"error"}`; wallboard →
 *   host `{…"kind":"request","id","method","args"}`. A message is accepted only from the
 *   configured origin AND the parent window; everything else is dropped and counted.
 */
import { quote } from '../transport/events';
import { CIL_EVENT_NAMES, registrationOf, type CilMethod } from './cil-wire';

/** What a transport reports to its client. */
export interface CilTransportHandlers {
  /** A CIL event arrived (still unvalidated). */
  onEvent(name: unknown, data: unknown): void;
  /** The API is ready to take requests (direct: `initIntegration` called back; bridge: at once). */
  onReady(): void;
  /** The API cannot be reached; plain-text reason. The client retries with backoff. */
  onDown(reason: string): void;
  /** A message was refused (foreign origin, another window, malformed envelope); plain text. */
  onRejected(code: string, reason: string): void;
}

/** A way to CIL. */
export interface CilTransport {
  /** `direct` or `bridge`. */
  readonly mode: 'direct' | 'bridge';
  /** Starts listening (idempotent); reports through `handlers`. */
  start(handlers: CilTransportHandlers): void;
  /**
   * Calls one CIL request with the vendor's parameters in the vendor's order.
   * @returns (resolves) CIL's answer as it came (nothing, a value or `{success, response}`)
   * @throws (rejects) an `Error` whose message is the vendor's (or the bridge's) text
   */
  call(method: CilMethod, args: readonly unknown[]): Promise<unknown>;
  /** Stops listening; pending calls reject. */
  stop(): void;
}

/** The CIL global as far as the wallboard uses it. */
export type CilGlobal = Record<string, unknown> & { initIntegration?: (callback: (...a: unknown[]) => void) => unknown };

/** The window members the transports use (the real `window` in the browser; a fake in tests). */
export interface CilWindow {
  ConnectsIntegrationLibrary?: unknown;
  readonly parent: unknown;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
}

/**
 * Direct transport over `win.ConnectsIntegrationLibrary`. `start` reports `onDown` when the
 * global (or its `initIntegration`) is missing; otherwise calls `initIntegration` and, in its
 * callback, registers one `on<Event>` callback per documented event, then reports `onReady`.
 */
export function directTransport(win: CilWindow): CilTransport {
  let handlers: CilTransportHandlers | undefined;
  let registered = false;
  let active = false;
  const cil = (): CilGlobal | undefined => {
    const g = win.ConnectsIntegrationLibrary;
    return typeof g === 'object' && g !== null ? (g as CilGlobal) : undefined;
  };
  return {
    mode: 'direct',
    start(h) {
      handlers = h;
      active = true;
      const lib = cil();
      if (!lib || typeof lib.initIntegration !== 'function') {
        h.onDown('window.ConnectsIntegrationLibrary is not there (the page is not inside the b+s Connects UI Page)');
        return;
      }
      try {
        lib.initIntegration(() => {
          if (!active) return;
          if (!registered) {
            registered = true;
            for (const name of CIL_EVENT_NAMES) {
              const register = lib[registrationOf(name)];
              if (typeof register === 'function') {
                (register as (cb: (data: unknown) => void) => void).call(lib, (data: unknown) => {
                  if (active) handlers?.onEvent(name, data);
                });
              }
            }
          }
          handlers?.onReady();
        });
      } catch (e) {
        h.onDown(`initIntegration failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    async call(method, args) {
      const lib = cil();
      const fn = lib?.[method];
      if (typeof fn !== 'function') throw new Error(`ConnectsIntegrationLibrary.${method} is not available`);
      return (fn as (...a: unknown[]) => unknown).apply(lib, [...args]);
    },
    stop() {
      active = false;
    },
  };
}

/** The `channel` and version of every bridge message (NOTES.md §2). */
export const BRIDGE_CHANNEL = 'cil-bridge';
export const BRIDGE_VERSION = 1;

/** Options of {@link bridgeTransport}. */
export interface BridgeOptions {
  /** The host page's origin (config `sources.cil.allowedOrigin`), e.g. `https://acme.service-now.com`. */
  readonly allowedOrigin: string;
  /** New bridge message ids (default `crypto.randomUUID`). */
  readonly newId: () => string;
}

interface BridgeCall {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Bridge transport (NOTES.md §2, our contract): requests go to `win.parent` with the
 * configured origin as target origin; a message is accepted only when its `origin` is the
 * configured one and its `source` is `win.parent`, and its envelope is ours (`channel`
 * `cil-bridge`, `v` 1, a known `kind`). Refused messages are reported (`onRejected`), never
 * acted on. Ready at once when embedded (`onDown` when the page has no parent window).
 */
export function bridgeTransport(win: CilWindow, options: BridgeOptions): CilTransport {
  const calls = new Map<string, BridgeCall>();
  let handlers: CilTransportHandlers | undefined;
  let listening = false;

  const listener = (ev: MessageEvent): void => {
    const h = handlers;
    if (!h) return;
    if (ev.origin !== options.allowedOrigin) {
      h.onRejected('bridge-foreign-origin', `bridge message from origin ${JSON.stringify(ev.origin).slice(0, 120)} refused (allowed: ${options.allowedOrigin})`);
      return;
    }
    if (ev.source !== win.parent || ev.source === null) {
      h.onRejected('bridge-foreign-window', `bridge message from another window of ${options.allowedOrigin} refused (only the host page may talk to the wallboard)`);
      return;
    }
    const m: unknown = ev.data;
    if (!isRecord(m) || m['channel'] !== BRIDGE_CHANNEL || m['v'] !== BRIDGE_VERSION) {
      h.onRejected('bridge-malformed', 'message from the host page is not a cil-bridge v1 message');
      return;
    }
    if (Object.prototype.hasOwnProperty.call(m, '__proto__')) {
      h.onRejected('hostile-key', 'bridge message has a "__proto__" key');
      return;
    }
    switch (m['kind']) {
      case 'event':
        h.onEvent(m['name'], m['data']);
        return;
      case 'response': {
        const id = m['id'];
        const call = typeof id === 'string' ? calls.get(id) : undefined;
        if (!call) {
          h.onRejected('bridge-unknown-response', `bridge response to an unknown request id ${JSON.stringify(quote(id).slice(0, 58))}`);
          return;
        }
        calls.delete(id as string);
        if (m['ok'] === true) call.resolve(m['result']);
        else call.reject(new Error(typeof m['error'] === 'string' && m['error'] !== '' ? m['error'] : 'the bridge reported a failure'));
        return;
      }
      default:
        h.onRejected('bridge-malformed', `bridge message of unknown kind ${JSON.stringify(quote(m['kind']).slice(0, 38))}`);
    }
  };

  const parent = (): { postMessage(message: unknown, targetOrigin: string): void } | undefined => {
    const p = win.parent as { postMessage?: unknown } | null | undefined;
    return p && p !== (win as unknown) && typeof p.postMessage === 'function' ? (p as { postMessage(message: unknown, targetOrigin: string): void }) : undefined;
  };

  return {
    mode: 'bridge',
    start(h) {
      handlers = h;
      if (!listening) {
        listening = true;
        win.addEventListener('message', listener);
      }
      if (!parent()) {
        h.onDown('the page is not embedded in the b+s Connects bridge page (no parent window)');
        return;
      }
      h.onReady();
    },
    call(method, args) {
      const p = parent();
      if (!p) return Promise.reject(new Error('no bridge host (the page is not embedded)'));
      const id = options.newId();
      return new Promise((resolve, reject) => {
        calls.set(id, { resolve, reject });
        try {
          p.postMessage({ channel: BRIDGE_CHANNEL, v: BRIDGE_VERSION, kind: 'request', id, method, args: [...args] }, options.allowedOrigin);
        } catch (e) {
          calls.delete(id);
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    },
    stop() {
      if (listening) win.removeEventListener('message', listener);
      listening = false;
      handlers = undefined;
      for (const c of calls.values()) c.reject(new Error('bridge stopped'));
      calls.clear();
    },
  };
}
