import { describe, expect, it } from 'vitest';
import type { BoardDefinition } from '../domain';
import { MAX_SHARE_CHARS, SAVED_BOARDS_KEY, decodeBoardData, encodeBoardData, fetchBoardFile, loadSavedBoards, parseBoardText, saveBoard, shareLink } from './board-sources';

const BOARD: BoardDefinition = {
  id: 'night',
  title: 'Night shift',
  columns: 12,
  rows: 12,
  panels: [
    { id: 'q', type: 'queues', layout: { x: 0, y: 0, w: 6, h: 6 }, filters: { queues: ['Sales'] }, thresholds: { callsWaiting: { critical: { value: 4, flash: true, sound: true } } } },
    { id: 'k', type: 'kpi', layout: { x: 6, y: 0, w: 6, h: 6 }, filters: {}, thresholds: {} },
  ],
};

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, length: 0 };
}

describe('share links (issue 13 scope 2)', () => {
  it('round-trips a board through deflate-raw + base64url, URL-safe', async () => {
    const text = await encodeBoardData(BOARD);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeBoardData(text)).toEqual({ ok: true, board: BOARD });
    const link = await shareLink(BOARD, 'https://wall.example/kiosk?board=x&lang=de#y');
    const u = new URL(link);
    expect(u.pathname).toBe('/kiosk');
    expect(u.searchParams.get('lang')).toBe('de');
    expect(u.searchParams.get('board')).toBeNull();
    expect(u.searchParams.get('boardData')).toBe(text);
  });

  it('refuses garbage, oversize links and invalid boards with clear messages', async () => {
    expect((await decodeBoardData('not base64!')).ok).toBe(false);
    expect((await decodeBoardData('AAAA')).ok).toBe(false);
    const long = await decodeBoardData('A'.repeat(MAX_SHARE_CHARS + 1));
    expect(long).toMatchObject({ ok: false, problems: [expect.stringContaining('longer than')] });
    const bad = await encodeBoardData({ ...BOARD, panels: [{ ...BOARD.panels[0]!, layout: { x: 10, y: 0, w: 6, h: 1 } }] });
    const r = await decodeBoardData(bad);
    expect(r).toMatchObject({ ok: false, problems: [expect.stringContaining('reaches past')] });
  });

  it('parses board JSON text, refusing __proto__ and unknown keys', () => {
    expect(parseBoardText('{').ok).toBe(false);
    const r = parseBoardText(JSON.stringify({ ...BOARD, __proto__x: 1 }));
    expect(r.ok).toBe(false);
    const p = parseBoardText('{"id":"a","title":"t","panels":[],"__proto__":{"polluted":true}}');
    expect(p.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('boards kept in the browser', () => {
  it('saves, replaces by id and skips invalid entries', () => {
    const s = memoryStorage();
    saveBoard(BOARD, s);
    saveBoard({ ...BOARD, title: 'Night 2' }, s);
    expect(loadSavedBoards(s)).toEqual([{ ...BOARD, title: 'Night 2' }]);
    s.setItem(SAVED_BOARDS_KEY, JSON.stringify([{ id: 'bad id!' }, BOARD]));
    expect(loadSavedBoards(s)).toEqual([BOARD]);
    s.setItem(SAVED_BOARDS_KEY, 'garbage');
    expect(loadSavedBoards(s)).toEqual([]);
  });
});

describe('board files next to config.json', () => {
  it('fetches boards/<id>.json relative to the app, validates it and checks its id', async () => {
    const seen: string[] = [];
    const fetcher = (async (url: string) => {
      seen.push(url);
      if (url.endsWith('/night.json')) return new Response(JSON.stringify(BOARD), { headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/other.json')) return new Response(JSON.stringify(BOARD));
      return new Response('nope', { status: 404 });
    }) as typeof fetch;
    expect(await fetchBoardFile('https://wall.example/wall/', 'night', fetcher)).toEqual({ ok: true, board: BOARD });
    expect(seen[0]).toBe('https://wall.example/wall/boards/night.json');
    expect(await fetchBoardFile('https://wall.example/', 'other', fetcher)).toMatchObject({ ok: false, problems: [expect.stringContaining('not "other"')] });
    expect(await fetchBoardFile('https://wall.example/', 'gone', fetcher)).toMatchObject({ ok: false });
    expect(await fetchBoardFile('https://wall.example/', '../x', fetcher)).toMatchObject({ ok: false });
  });
});
