import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { ChevronLeft, ChevronRight, EllipsisVertical } from 'lucide-react';
import { useTranslation } from '../../i18n';
import type { SettableAgentState } from '../../domain';
import type { AgentStateRequest, BoardSettings, ReasonOption } from '../../ui';
import { StateIcon } from './StateIcon';

type View = 'closed' | 'main' | 'notReady' | 'logout';

/**
 * The Ready / Not Ready / Log out menu of one agent tile. A button opens it; "Not Ready ▸"
 * and "Log out ▸" show the configured reason codes (or send at once when none are
 * configured). Keyboard: Enter/Space activate, arrows move, Escape goes back / closes and
 * returns focus to the button; a click outside closes it.
 *
 * The open menu is rendered at the end of the document (a portal), fixed under its button
 * (above it when there is no room below) and kept there while the page scrolls: no tile
 * clips it or paints over it, so agent tiles can keep their CSS containment
 * (docs/PERFORMANCE.md "Browser benchmark"), and a tile that moves in a re-sorted roster
 * while its menu is open does not close it (a popover attribute would: moving an element in
 * the DOM hides its popover).
 */
export function ActionsMenu(props: {
  agentId: string;
  agentName: string;
  disabled: boolean;
  reasonCodes: BoardSettings['reasonCodes'];
  /** The states the backend can set (default all three). */
  states?: readonly SettableAgentState[] | undefined;
  onCommand: (cmd: AgentStateRequest) => void;
}) {
  const { agentId, agentName, disabled, reasonCodes, states, onCommand } = props;
  const offers = (s: SettableAgentState) => !states || states.includes(s);
  const [view, setView] = useState<View>('closed');
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const open = view !== 'closed';
  const { t } = useTranslation('agents');

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!rootRef.current?.contains(t) && !menuRef.current?.contains(t)) setView('closed');
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, view]);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    const trigger = triggerRef.current;
    if (!open || !menu || !trigger) return;
    const place = () => placeMenu(menu, trigger.getBoundingClientRect());
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open, view]);

  const close = () => {
    setView('closed');
    triggerRef.current?.focus();
  };
  const send = (cmd: AgentStateRequest) => {
    close();
    onCommand(cmd);
  };
  const withReason = (state: 'NOT_READY' | 'LOGOUT', reasons: readonly ReasonOption[]) => {
    if (reasons.length === 0) send({ agentId, state });
    else setView(state === 'NOT_READY' ? 'notReady' : 'logout');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (view === 'notReady' || view === 'logout') setView('main');
      else close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
      const i = items.indexOf(document.activeElement as HTMLButtonElement);
      const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    }
  };

  const reasons = view === 'logout' ? reasonCodes.logout : reasonCodes.notReady;
  return (
    <div className="agent-actions" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={triggerRef}
        type="button"
        className="icon-button"
        data-testid="agent-actions"
        aria-label={t('changeStateOf', { name: agentName })}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setView(open ? 'closed' : 'main')}
      >
        <EllipsisVertical aria-hidden="true" size={18} />
      </button>
      {open &&
        createPortal(
        <div className="menu" id={menuId} ref={menuRef} role="menu" aria-label={t('setStateOf', { name: agentName })}>
          {view === 'main' ? (
            <>
              {offers('READY') && (
              <button type="button" role="menuitem" className="menu__item" data-testid="action-ready" onClick={() => send({ agentId, state: 'READY' })}>
                <span className="menu__label">
                  <StateIcon state="READY" /> {t('command.READY')}
                </span>
              </button>
              )}
              {offers('NOT_READY') && (
              <button
                type="button"
                role="menuitem"
                className="menu__item"
                data-testid="action-not-ready"
                aria-haspopup={reasonCodes.notReady.length > 0 ? 'menu' : undefined}
                onClick={() => withReason('NOT_READY', reasonCodes.notReady)}
              >
                <span className="menu__label">
                  <StateIcon state="NOT_READY" /> {t('command.NOT_READY')}
                </span>
                {reasonCodes.notReady.length > 0 && <ChevronRight aria-hidden="true" size={16} />}
              </button>
              )}
              {offers('LOGOUT') && (
              <button
                type="button"
                role="menuitem"
                className="menu__item"
                data-testid="action-logout"
                aria-haspopup={reasonCodes.logout.length > 0 ? 'menu' : undefined}
                onClick={() => withReason('LOGOUT', reasonCodes.logout)}
              >
                <span className="menu__label">
                  <StateIcon state="LOGOUT" /> {t('command.LOGOUT')}
                </span>
                {reasonCodes.logout.length > 0 && <ChevronRight aria-hidden="true" size={16} />}
              </button>
              )}
            </>
          ) : (
            <>
              <button type="button" role="menuitem" className="menu__item menu__back" onClick={() => setView('main')}>
                <ChevronLeft aria-hidden="true" size={16} />{' '}
                {t('reasonMenu', { command: t(view === 'logout' ? 'command.LOGOUT' : 'command.NOT_READY') })}
              </button>
              {reasons.map((r) => (
                <button
                  key={r.id}
                  type="button"
                  role="menuitem"
                  className="menu__item"
                  data-testid="reason-option"
                  data-reason-id={r.id}
                  onClick={() => send({ agentId, state: view === 'logout' ? 'LOGOUT' : 'NOT_READY', reasonCodeId: r.id })}
                >
                  {r.label}
                </button>
              ))}
            </>
          )}
        </div>,
          document.body,
        )}
    </div>
  );
}

/** Gap between the button and its menu, and the menu and the viewport's edge (px). */
const MENU_GAP_PX = 4;

/**
 * Places the (fixed) menu under `anchor`, right-aligned with it; above it when it
 * does not fit below; always inside the viewport, also when its button is not (a tile
 * that moved, or scrolled away, while the menu was open): the menu stays where it can be
 * read and used.
 * @param menu the menu element (its size in px is read)
 * @param anchor the button's rectangle in viewport pixels
 * @param viewport the viewport's width and height in px
 * @returns the menu's `top` and `left` in viewport px
 */
export function menuPosition(menu: { readonly width: number; readonly height: number }, anchor: Pick<DOMRect, 'top' | 'bottom' | 'right'>, viewport: { readonly width: number; readonly height: number }): { top: number; left: number } {
  const { width: w, height: h } = menu;
  const { width: vw, height: vh } = viewport;
  let top = anchor.bottom + MENU_GAP_PX;
  if (top + h > vh - MENU_GAP_PX && anchor.top - MENU_GAP_PX - h >= MENU_GAP_PX) top = anchor.top - MENU_GAP_PX - h;
  top = Math.min(Math.max(MENU_GAP_PX, top), Math.max(MENU_GAP_PX, vh - h - MENU_GAP_PX));
  const left = Math.min(Math.max(MENU_GAP_PX, anchor.right - w), Math.max(MENU_GAP_PX, vw - w - MENU_GAP_PX));
  return { top: Math.round(top), left: Math.round(left) };
}

/** Moves the (fixed) menu to {@link menuPosition} for its button's rectangle `anchor`. */
function placeMenu(menu: HTMLElement, anchor: DOMRect): void {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = document.documentElement.clientHeight || window.innerHeight;
  const { top, left } = menuPosition({ width: menu.offsetWidth, height: menu.offsetHeight }, anchor, { width: vw, height: vh });
  menu.style.top = `${top}px`;
  menu.style.left = `${left}px`;
}
