/** The board's pages. */
export type Route = 'supervisor' | 'kiosk' | 'agent' | 'boards';

const ROUTE_SEGMENT = /\/(kiosk|agent|boards)\/?$/;

/** The page a path shows: `…/kiosk` → kiosk, `…/agent` → agent, `…/boards` → the board editor (issue 13), anything else → supervisor. */
export function routeOf(pathname: string): Route {
  const m = ROUTE_SEGMENT.exec(pathname);
  return m ? (m[1] as Route) : 'supervisor';
}

/**
 * The app's own address for a page address: the route segment removed, the query kept.
 * `servedConfigUrl` and `classifyConfigRequest` resolve `config.json` against it, so `/kiosk` and `/kiosk/` read the same
 * `/config.json` as `/`, and a board served under `/wall/` reads `/wall/config.json`.
 */
export function appBaseHref(pageHref: string): string {
  const u = new URL(pageHref);
  u.pathname = u.pathname.replace(ROUTE_SEGMENT, '/');
  u.hash = '';
  return u.toString();
}
