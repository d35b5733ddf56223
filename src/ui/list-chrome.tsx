import { createContext, useContext, type ReactNode } from 'react';
import { usePanelScope } from './panel-scope';

/**
 * What the TV kiosk adds to a long list on its standard board (no `?board=`): the list
 * pager (`data-testid="list-page"`, src/kiosk/PanelChrome.tsx), which shows the list a
 * screenful at a time. Undefined elsewhere: a supervisor scrolls, and the panels of a
 * designed board get the kiosk's panel chrome (with the same pager) instead.
 */
export const ListChromeContext = createContext<(() => ReactNode) | undefined>(undefined);

/**
 * The list chrome a list panel renders next to its heading: the kiosk's pager on the
 * standard board, nothing on the supervisor board or inside a designed board's panel.
 */
export function useListChrome(): ReactNode {
  const chrome = useContext(ListChromeContext);
  const { panelId } = usePanelScope();
  return chrome && panelId === undefined ? chrome() : null;
}
