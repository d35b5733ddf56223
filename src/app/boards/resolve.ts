import { decodeBoardData, fetchBoardFile, loadSavedBoards, type BoardConfig } from '../../config';
import type { BoardDefinition } from '../../domain';

/** A board to show, `missing` (with why, when a source refused it), or the standard board (undefined). */
export type ResolvedBoard = BoardDefinition | { readonly missing: string; readonly available: readonly string[]; readonly problems?: readonly string[] } | undefined;

/**
 * The board a page address asks for (issue 13 scope 1–2), in this order:
 * 1. `?boardData=<deflate-raw, base64url>`: the board carried by a share link (validated;
 *    an invalid one shows `missing` with the schema's messages, never a half board);
 * 2. `?board=<id>`: the configuration's `boards`, then the boards kept in this browser
 *    (saved by the editor), then the board file `boards/<id>.json` next to `config.json`;
 * 3. neither: undefined (the standard board).
 * @param appHref the app's base address (`config.json` and `boards/` resolve against it)
 */
export async function resolveBoard(config: Pick<BoardConfig, 'boards'>, pageHref: string, appHref: string, fetcher?: typeof fetch): Promise<ResolvedBoard> {
  const params = new URL(pageHref).searchParams;
  const data = params.get('boardData');
  const available = () => [...config.boards.map((b) => b.id), ...loadSavedBoards().map((b) => b.id)];
  if (data !== null) {
    const r = await decodeBoardData(data);
    return r.ok ? r.board : { missing: 'boardData', available: available(), problems: r.problems };
  }
  const id = params.get('board');
  if (id === null) return undefined;
  const configured = config.boards.find((b) => b.id === id) ?? loadSavedBoards().find((b) => b.id === id);
  if (configured) return configured;
  const file = await fetchBoardFile(appHref, id, fetcher);
  return file.ok ? file.board : { missing: id, available: available(), problems: file.problems.filter((p) => !p.includes('HTTP 404')) };
}
