import { createContext, memo, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BoardConfig, KioskConfig } from '../config';
import type { BoardDefinition, EntityKey, PanelDefinition, SourceId } from '../domain';
import { useLanguage, useTranslation } from '../i18n';
import { useNow } from '../lib/clock';
import { realScheduler } from '../lib/scheduler';
import { useAlarm, useEmergencyCalls, useRaisedCriticalAlarmKeys } from '../stores';
import { burnInShift, holdWakeLock, RELOAD_NOTE_KEY, startConfigPoll, startWatchdog, type ReloadReason, type WakeLockState } from './hygiene';
import { useKioskNow, type KioskClock } from './kiosk-clock';
import { ListPager, PanelChrome } from './PanelChrome';
import { registerOfflineShell } from './offline';
import { kioskMoment } from './schedule';
import './kiosk.css';

/** A board as the app renders it: a designed board, `{ missing }` for an unknown id, undefined for the standard board. */
export type KioskBoard = BoardDefinition | { readonly missing: string; readonly available: readonly string[] } | undefined;

/** What the shell hands the app's board renderer: its header clock and status, and the chrome of each panel. */
export interface KioskChrome {
  /** Replaces the board header's clock: the kiosk clock (configured zone), the board's name and the next board's countdown. */
  readonly headerClock: ReactNode;
  /** Stale badges and the list pager of one panel (rendered inside the panel). */
  readonly panelChrome: (panel: PanelDefinition) => ReactNode;
  /** The pager of a long list on the standard board (the list panel renders it by its heading). */
  readonly listChrome: () => ReactNode;
}

/** Props of {@link KioskShell}. */
export interface KioskShellProps {
  readonly config: BoardConfig;
  /** Effective kiosk settings (configuration with URL parameters over it). */
  readonly settings: KioskConfig;
  readonly clock: KioskClock;
  readonly sources: readonly SourceId[];
  /** The board `?board=` names, shown when no rotation applies. */
  readonly fallback: KioskBoard;
  /** Renders the app's board (the kiosk never imports `app/`). */
  readonly renderBoard: (board: KioskBoard, chrome: KioskChrome) => ReactNode;
  /** Loads and validates the configuration again, serialised ({@link serialiseConfig}); rejects when unreachable or invalid. */
  readonly reloadConfig: () => Promise<string>;
}

/** The configuration as the kiosk compares it when polling (the validated object, so whitespace and key order of the file do not count). */
export function serialiseConfig(config: BoardConfig): string {
  return JSON.stringify(config);
}

interface KioskState {
  readonly boardId: string | undefined;
  readonly nextBoardId: string | undefined;
  readonly nextAt: number | undefined;
  readonly held: 'alarm' | 'emergency' | undefined;
}

const KioskStateContext = createContext<KioskState>({ boardId: undefined, nextBoardId: undefined, nextAt: undefined, held: undefined });

/** Reloads the page for `reason`, noting it in `sessionStorage` for the next page (`data-last-reload`). */
function reloadPage(reason: ReloadReason): void {
  try {
    sessionStorage.setItem(RELOAD_NOTE_KEY, JSON.stringify({ reason, at: Date.now() }));
  } catch {
    // Storage may be full or disabled: reload anyway.
  }
  location.reload();
}

/** The reason of the last self-reload of this tab ('' when none). */
function lastReload(): string {
  try {
    const raw = sessionStorage.getItem(RELOAD_NOTE_KEY);
    const note = raw ? (JSON.parse(raw) as { reason?: unknown }) : undefined;
    return typeof note?.reason === 'string' ? note.reason : '';
  } catch {
    return '';
  }
}

/** Chromium's `performance.memory.usedJSHeapSize` (bytes), undefined elsewhere. */
function heapBytes(): number | undefined {
  const m = (performance as Performance & { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof m?.usedJSHeapSize === 'number' ? m.usedJSHeapSize : undefined;
}

/**
 * The TV kiosk (issue 14): the board of the rotation that applies now (schedule and time
 * zone, `schedule.ts`), held while an emergency call or a critical alarm shows; night blank
 * or dim; burn-in shift; wake lock, watchdog and configuration poll; fullscreen on the first
 * key or touch. The whole subtree is `inert`: nothing on it can be focused or clicked.
 * Hooks: `data-testid="kiosk"` with `data-board-id`, `data-page` (position in the rotation,
 * 1-based), `data-pages`, `data-night`, `data-held`, `data-wake-lock`, `data-last-reload`
 * (docs/CONTRACTS.md "TV kiosk").
 */
export function KioskShell(props: KioskShellProps) {
  const { config, settings, clock, sources, fallback, renderBoard, reloadConfig } = props;
  const now = useKioskNow(clock);
  const realNow = useNow();
  const moment = kioskMoment(settings, now);

  // Interruptions: an emergency call on screen, a raised critical alarm (while it is raised).
  const calls = useEmergencyCalls();
  const emergency = calls.some((c) => realNow - c.at < config.emergency.kioskShowSec * 1000);
  const criticalKeys = useRaisedCriticalAlarmKeys();
  const held: KioskState['held'] = emergency ? 'emergency' : criticalKeys.length > 0 ? 'alarm' : undefined;
  const heldBoard = useRef<{ id: string | undefined } | undefined>(undefined);
  if (!held) heldBoard.current = undefined;
  else heldBoard.current ??= { id: moment.boardId };
  const boardId = held ? heldBoard.current?.id : moment.boardId;

  const state = useMemo<KioskState>(
    () => ({ boardId, nextBoardId: held ? undefined : moment.nextBoardId, nextAt: held ? undefined : moment.nextAt, held }),
    [boardId, moment.nextBoardId, moment.nextAt, held],
  );

  const [wakeLock, setWakeLock] = useState<WakeLockState | ''>('');
  const [reloadNote] = useState(lastReload);
  useEffect(() => holdWakeLock(navigator as never, document, setWakeLock), []);
  useEffect(registerOfflineShell, []);
  useEffect(
    () =>
      startWatchdog({
        scheduler: realScheduler,
        stallMs: settings.watchdog.stallMs,
        heapMb: settings.watchdog.heapMb,
        readHeapBytes: heapBytes,
        isVisible: () => document.visibilityState === 'visible',
        reload: reloadPage,
      }),
    [settings.watchdog.stallMs, settings.watchdog.heapMb],
  );
  const current = useMemo(() => serialiseConfig(config), [config]);
  useEffect(
    () => startConfigPoll({ scheduler: realScheduler, intervalMs: settings.configPollSec * 1000, current, load: reloadConfig, reload: reloadPage }),
    [current, reloadConfig, settings.configPollSec],
  );
  useEffect(() => {
    // Fullscreen on the first key or touch (browsers allow it only from a user gesture).
    const go = () => {
      if (!document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
    };
    window.addEventListener('pointerdown', go, { once: true });
    window.addEventListener('keydown', go, { once: true });
    return () => {
      window.removeEventListener('pointerdown', go);
      window.removeEventListener('keydown', go);
    };
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--kiosk-min-text', `max(${settings.minTextPx}px, ${settings.minTextVh}vh)`);
    return () => {
      root.style.removeProperty('--kiosk-min-text');
    };
  }, [settings.minTextPx, settings.minTextVh]);

  const board: KioskBoard = boardId === undefined ? fallback : (config.boards.find((b) => b.id === boardId) ?? { missing: boardId, available: config.boards.map((b) => b.id) });
  const shift = burnInShift(now, settings.burnIn.periodSec, settings.burnIn.maxShiftPx);
  const chrome = useMemo<KioskChrome>(
    () => ({
      headerClock: <KioskStatus clock={clock} timeZone={settings.timeZone} boards={config.boards} />,
      panelChrome: (panel) => <PanelChrome panel={panel} sources={sources} pageSec={settings.pageSec} />,
      listChrome: () => <ListPager pageSec={settings.pageSec} />,
    }),
    [clock, settings.timeZone, settings.pageSec, config.boards, sources],
  );
  return (
    <KioskStateContext.Provider value={state}>
      <div
        className={`kiosk${moment.night ? ` kiosk--${moment.night}` : ''}`}
        data-testid="kiosk"
        data-board-id={boardId ?? (board && !('missing' in board) ? board.id : '')}
        data-page={moment.rotation.length ? moment.index + 1 : 1}
        data-pages={Math.max(1, moment.rotation.length)}
        data-night={moment.night ?? ''}
        data-held={held ?? ''}
        data-wake-lock={wakeLock}
        data-last-reload={reloadNote}
        data-shift={`${shift.x},${shift.y}`}
        style={{ transform: `translate(${shift.x}px, ${shift.y}px)` }}
        inert
      >
        {held === 'alarm' && <CriticalAlarms keys={criticalKeys} />}
        <BoardSlot board={board} chrome={chrome} render={renderBoard} />
        {moment.night === 'blank' && <NightCurtain clock={clock} timeZone={settings.timeZone} />}
      </div>
    </KioskStateContext.Provider>
  );
}

/** The board, rendered again only when the board or the chrome changes (not on every clock tick of the shell). */
const BoardSlot = memo(function BoardSlot({ board, chrome, render }: { board: KioskBoard; chrome: KioskChrome; render: KioskShellProps['renderBoard'] }) {
  return <>{render(board, chrome)}</>;
});

const clockFormats = new Map<string, Intl.DateTimeFormat>();
/** `HH:mm:ss` (24-hour) in `timeZone` for `locale`. */
function kioskTime(ms: number, locale: string, timeZone: string | undefined): string {
  const key = `${locale}|${timeZone ?? ''}`;
  let f = clockFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) });
    clockFormats.set(key, f);
  }
  return f.format(ms);
}

/**
 * The kiosk's header status: the board's name, the next board's countdown (small,
 * `data-testid="kiosk-next"` with `data-board-id` and `data-seconds`), and the clock in the
 * configured zone (`data-testid="board-clock"`).
 */
function KioskStatus({ clock, timeZone, boards }: { clock: KioskClock; timeZone: string | undefined; boards: BoardConfig['boards'] }) {
  const now = useKioskNow(clock);
  const state = useContext(KioskStateContext);
  const locale = useLanguage();
  const { t } = useTranslation('kiosk');
  const title = (id: string | undefined) => (id === undefined ? undefined : (boards.find((b) => b.id === id)?.title ?? id));
  const seconds = state.nextAt === undefined ? undefined : Math.max(0, Math.ceil((state.nextAt - now) / 1000));
  return (
    <span className="kiosk-status">
      <span className="kiosk-status__board" data-testid="kiosk-board-name">
        {title(state.boardId)}
      </span>
      {state.held === 'alarm' && <span className="kiosk-status__held">{t('alarmHold')}</span>}
      {seconds !== undefined && state.nextBoardId !== undefined && (
        <span className="kiosk-status__next" data-testid="kiosk-next" data-board-id={state.nextBoardId} data-seconds={seconds}>
          {t('next', { board: title(state.nextBoardId), seconds })}
        </span>
      )}
      <time className="board__clock" dateTime={new Date(now).toISOString()} data-testid="board-clock" aria-label={t('clockLabel', { zone: timeZone ?? '' })}>
        {kioskTime(now, locale, timeZone)}
      </time>
    </span>
  );
}

/** The raised critical alarms, on top of the held board (`data-testid="kiosk-alarm-hold"`). */
function CriticalAlarms({ keys }: { keys: readonly EntityKey[] }) {
  const { t } = useTranslation('kiosk');
  return (
    <div className="kiosk-alarms" role="alert" data-testid="kiosk-alarm-hold">
      <strong>{t('alarmHold')}</strong>
      {keys.map((k) => (
        <CriticalAlarm key={k} alarmKey={k} />
      ))}
    </div>
  );
}

function CriticalAlarm({ alarmKey }: { alarmKey: EntityKey }) {
  const a = useAlarm(alarmKey);
  if (!a) return null;
  return (
    <span className="kiosk-alarms__item" data-testid="kiosk-alarm" data-alarm-key={alarmKey}>
      {a.entityName ? `${a.entityName}: ` : ''}
      {a.condition}
      {a.value !== undefined ? ` (${a.value})` : ''}
    </span>
  );
}

/** Night blank: black, but for a small clock that wanders with the burn-in shift. */
function NightCurtain({ clock, timeZone }: { clock: KioskClock; timeZone: string | undefined }) {
  const now = useKioskNow(clock);
  const locale = useLanguage();
  const { t } = useTranslation('kiosk');
  return (
    <div className="kiosk-night" data-testid="kiosk-night" aria-label={t('night')}>
      <span>{kioskTime(now, locale, timeZone).slice(0, 5)}</span>
    </div>
  );
}
