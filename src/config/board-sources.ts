import type { BoardDefinition } from '../domain';
import { boardSchema } from './boards';

/**
 * Where a board comes from besides the served configuration's `boards` (issue 13 scope 1–2):
 * boards kept in the browser (the editor saves them), board files next to `config.json`
 * (`boards/<id>.json`, so IT can provision TVs), and share links carrying the board itself
 * (`?boardData=`, deflate-raw compressed, base64url). Everything is validated with
 * {@link boardSchema}; nothing here logs a board's content.
 */

/** A board, or why none could be used: the schema's messages as `path: message` lines. */
export type BoardResult = { readonly ok: true; readonly board: BoardDefinition } | { readonly ok: false; readonly problems: readonly string[] };

/** Validates untrusted JSON as a board (the same schema as the configuration's `boards`). */
export function parseBoard(raw: unknown): BoardResult {
  const r = boardSchema.safeParse(raw);
  if (r.success) return { ok: true, board: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.map(String).join('.') || '(board)'}: ${i.message}`) };
}

/** Parses JSON text, then {@link parseBoard}. */
export function parseBoardText(text: string): BoardResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return parseBoard(raw);
}

// ---- Share links ------------------------------------------------------------------------

/** The longest `?boardData=` value accepted, in characters (URLs beyond ~8 kB break in proxies and TVs). */
export const MAX_SHARE_CHARS = 8000;
/** The most a share link may decompress to, in bytes (a bomb stops there). */
export const MAX_SHARE_BYTES = 64 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The `?boardData=` value carrying `board`: its JSON, compressed with the browser's
 * `CompressionStream('deflate-raw')`, base64url without padding.
 * @throws RangeError when the result is longer than {@link MAX_SHARE_CHARS}
 */
export async function encodeBoardData(board: BoardDefinition): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(board));
  const text = toBase64Url(await pipe(json, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER));
  if (text.length > MAX_SHARE_CHARS) throw new RangeError(`the board is too large for a link (${text.length} > ${MAX_SHARE_CHARS} characters)`);
  return text;
}

/**
 * The board a `?boardData=` value carries, validated; refused when longer than
 * {@link MAX_SHARE_CHARS}, not base64url, not deflate-raw, larger than
 * {@link MAX_SHARE_BYTES} once decompressed, not JSON, or not a valid board.
 */
export async function decodeBoardData(text: string): Promise<BoardResult> {
  if (text.length > MAX_SHARE_CHARS) return { ok: false, problems: [`boardData: longer than ${MAX_SHARE_CHARS} characters`] };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'), MAX_SHARE_BYTES));
  } catch (e) {
    return { ok: false, problems: [`boardData: not a compressed board (${e instanceof Error ? e.message : String(e)})`] };
  }
  return parseBoardText(json);
}

/**
 * A share link for `board`: `pageHref`'s page (its path, e.g. `/kiosk`) with `?boardData=`
 * (and no other query but `lang`, kept).
 */
export async function shareLink(board: BoardDefinition, pageHref: string): Promise<string> {
  const u = new URL(pageHref);
  const lang = u.searchParams.get('lang');
  u.search = '';
  u.hash = '';
  if (lang) u.searchParams.set('lang', lang);
  u.searchParams.set('boardData', await encodeBoardData(board));
  return u.toString();
}

// ---- Boards kept in the browser ----------------------------------------------------------

/** The `localStorage` key of the boards the editor saved in this browser: a JSON array of boards. */
export const SAVED_BOARDS_KEY = 'wallboard.boards.v1';

/**
 * The boards kept in this browser, each validated (an invalid or garbled entry is skipped;
 * storage denied or absent: none).
 */
export function loadSavedBoards(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): BoardDefinition[] {
  try {
    const raw = storage?.getItem(SAVED_BOARDS_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    const out: BoardDefinition[] = [];
    for (const item of list) {
      const r = parseBoard(item);
      if (r.ok && !out.some((b) => b.id === r.board.id)) out.push(r.board);
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * Keeps `board` in this browser (replacing one with the same id).
 * @throws Error when the storage is full or denied
 */
export function saveBoard(board: BoardDefinition, storage: Pick<Storage, 'getItem' | 'setItem'> = globalThis.localStorage): void {
  const rest = loadSavedBoards(storage).filter((b) => b.id !== board.id);
  storage.setItem(SAVED_BOARDS_KEY, JSON.stringify([...rest, board]));
}

/** Removes the board `id` from this browser. */
export function deleteSavedBoard(id: string, storage: Pick<Storage, 'getItem' | 'setItem'> = globalThis.localStorage): void {
  storage.setItem(SAVED_BOARDS_KEY, JSON.stringify(loadSavedBoards(storage).filter((b) => b.id !== id)));
}

// ---- Board files -------------------------------------------------------------------------

/**
 * The board file `boards/<id>.json` next to `config.json` (resolved against the app's base
 * address), validated; its `id` must be `id`. A missing file (404), a fetch error or an HTML
 * fallback page: `ok: false`.
 * @param appHref the app's own address (`appBaseHref(location.href)`)
 */
export async function fetchBoardFile(appHref: string, id: string, fetcher: typeof fetch = fetch): Promise<BoardResult> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return { ok: false, problems: [`board id "${id}" is not a valid id`] };
  const url = new URL(`boards/${id}.json`, appHref).toString();
  try {
    const res = await fetcher(url, { cache: 'no-cache' });
    if (!res.ok) return { ok: false, problems: [`${url}: HTTP ${res.status}`] };
    if ((res.headers.get('content-type') ?? '').includes('text/html')) return { ok: false, problems: [`${url}: not a board file`] };
    const r = parseBoardText(await res.text());
    if (r.ok && r.board.id !== id) return { ok: false, problems: [`${url}: the file's board id is "${r.board.id}", not "${id}"`] };
    return r;
  } catch (e) {
    return { ok: false, problems: [`${url}: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
