import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadBoardConfig, type BoardConfig } from '../config';
import { createPortDirectory, type BoardDefinition, type BroadcastPort, type SourceId, type SourcePorts } from '../domain';
import { loadAgentCommands, loadVirtualAgentRows } from '../features/agents';
import { loadVirtualQueueRows } from '../features/queues';
import type { KioskChrome, KioskClock } from '../kiosk';
import { lazyModule, useLazyModule } from '../lib/lazy-module';
import { createLogger } from '../lib/logger';
import { loadNamespace } from '../i18n';
import { BoardContext, BroadcastPortContext, type BoardContextValue } from '../ui';
import { Board } from './Board';
import { boardConfigSchema } from './modules';
import { appBaseHref, type Route } from './routes';
import type { ResolvedBoard } from './boards/resolve';

/**
 * The supervisor-only providers (react-query, the toaster: `supervisor.tsx`), a chunk the
 * kiosk never loads (docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const supervisorModule = lazyModule(() => import('./supervisor'));

/** The board editor (`/boards`, issue 13 scope 2): a supervisor-only chunk, never on the kiosk. */
const editorModule = lazyModule(() => loadNamespace('boardEditor').then(() => import('./boards/editor/BoardEditor')));

/** The editor chunk once loaded (with its catalogues), nothing before. */
function LazyBoardEditor(props: { title: string; sources: readonly SourceId[]; boards: BoardConfig['boards'] }) {
  const m = useLazyModule(editorModule);
  useEffect(() => {
    editorModule.load().catch((e: unknown) => log.error(`board editor not loaded: ${String(e)}`));
  }, []);
  return m ? <m.BoardEditor {...props} /> : null;
}

const log = createLogger('app');

/**
 * The TV kiosk's shell (`src/kiosk/`: rotation, schedule, stale badges, hygiene), a chunk of
 * its own that boot loads on `/kiosk` while the configuration loads (the kiosk entry stays
 * within its budget, docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const kioskModule = lazyModule(() => import('../kiosk'));

/**
 * Loads the kiosk shell's chunk (boot: on `/kiosk`, in parallel with the configuration).
 * @throws (rejects) when the chunk cannot be downloaded
 */
export async function loadKiosk(): Promise<void> {
  await kioskModule.load();
}

declare global {
  interface Window {
    /** The kiosk's clock (issue 14 test hook): `set(epochMs)`, `advance(ms)`, `now()`. Present on `/kiosk` only. */
    __kioskClock?: KioskClock;
  }
}

/**
 * Loads what the supervisor page needs beyond the kiosk (its providers, the agents'
 * command menu and the virtualised agent and queue rows), so that its first render shows the whole board at once. Boot awaits it
 * before rendering the supervisor route; the kiosk never calls it.
 * @throws (rejects) when a chunk cannot be downloaded
 */
export async function loadSupervisor(): Promise<void> {
  await Promise.all([supervisorModule.load(), loadAgentCommands(), loadVirtualAgentRows(), loadVirtualQueueRows()]);
}

/**
 * The providers every page needs: the board context (configuration and command ports).
 * With `readOnly` (the kiosk) the panels find no port, so they show no command UI.
 */
export function BoardProvider(props: {
  config: BoardConfig;
  /** The ports each running source offers. */
  ports: Readonly<Partial<Record<SourceId, SourcePorts>>>;
  /** True on a screen that may send no command (the kiosk): panels find no port. */
  readOnly: boolean;
  children: ReactNode;
}) {
  const { config, ports, readOnly, children } = props;
  const board = useMemo<BoardContextValue>(() => ({ config, ports: createPortDirectory(ports, readOnly) }), [config, ports, readOnly]);
  return <BoardContext.Provider value={board}>{children}</BoardContext.Provider>;
}

/**
 * The app for a loaded configuration: the supervisor board on `/`, the read-only board on
 * `/kiosk` (read-only: the panels find no command port, so no command UI). The supervisor
 * board also needs react-query and the toaster, loaded lazily ({@link loadSupervisor}):
 * it renders nothing until they are there (boot loads them before the first render).
 */
export function App(props: {
  route: Exclude<Route, 'agent'>;
  config: BoardConfig;
  sources: readonly SourceId[];
  /** The ports each running source offers; the kiosk route ignores them. */
  ports: Readonly<Partial<Record<SourceId, SourcePorts>>>;
  /** The broadcast commands (configuration `broadcast`); given to the supervisor board only, never to the kiosk. */
  broadcast?: BroadcastPort | undefined;
}) {
  const { route, config, sources, ports, broadcast } = props;
  const sync = useMemo(() => selectBoard(config, location.href), [config]);
  // A board from a share link, this browser or a board file resolves asynchronously; the
  // configuration's own boards (and the standard board) at once.
  const needsAsync = new URL(location.href).searchParams.has('boardData') || (sync !== undefined && 'missing' in sync);
  const [resolved, setResolved] = useState<{ board: ResolvedBoard } | undefined>(undefined);
  useEffect(() => {
    if (!needsAsync) return;
    let live = true;
    // A chunk of its own: share-link decoding and board files are not on the kiosk's eager path.
    void import('./boards/resolve')
      .then(({ resolveBoard }) => resolveBoard(config, location.href, appBaseHref(location.href)))
      .catch((e: unknown): ResolvedBoard => {
        log.error(`board not resolved: ${String(e)}`);
        return { missing: new URL(location.href).searchParams.get('board') ?? 'boardData', available: config.boards.map((b) => b.id) };
      })
      .then((board) => {
      if (live) setResolved({ board });
    });
    return () => {
      live = false;
    };
  }, [config, needsAsync]);
  if (route === 'boards') {
    return (
      <SupervisorApp>
        <BoardProvider config={config} ports={ports} readOnly={false}>
          <LazyBoardEditor title={config.title} sources={sources} boards={config.boards} />
        </BoardProvider>
      </SupervisorApp>
    );
  }
  if (needsAsync && !resolved) return null;
  const board = needsAsync ? resolved?.board : sync;
  if (route === 'kiosk') {
    return (
      <BoardProvider config={config} ports={{}} readOnly>
        <KioskApp config={config} sources={sources} fallback={board} />
      </BoardProvider>
    );
  }
  return (
    <SupervisorApp>
      <BoardProvider config={config} ports={ports} readOnly={false}>
        <BroadcastPortContext.Provider value={broadcast}>
          <Board title={config.title} sources={sources} kiosk={false} board={board} />
        </BroadcastPortContext.Provider>
      </BoardProvider>
    </SupervisorApp>
  );
}

/**
 * The designed board `?board=<id>` of `pageHref` names (issue 13): its definition from the
 * configuration's `boards`, `{ missing, available }` when no board has that id, undefined
 * without the parameter (the standard board).
 */
export function selectBoard(
  config: Pick<BoardConfig, 'boards'>,
  pageHref: string,
): BoardDefinition | { readonly missing: string; readonly available: readonly string[] } | undefined {
  const id = new URL(pageHref).searchParams.get('board');
  if (id === null) return undefined;
  return config.boards.find((b) => b.id === id) ?? { missing: id, available: config.boards.map((b) => b.id) };
}

/** `children` inside the supervisor providers once their chunk has loaded (nothing before). */
function SupervisorApp({ children }: { children: ReactNode }) {
  const supervisor = useLazyModule(supervisorModule);
  useEffect(() => {
    loadSupervisor().catch((e: unknown) => log.error(`supervisor chunks not loaded: ${String(e)}`));
  }, []);
  return supervisor ? <supervisor.SupervisorProviders>{children}</supervisor.SupervisorProviders> : null;
}

/**
 * `/kiosk`: the board inside the TV shell once the shell's chunk is there (boot loads it
 * before the first render). Settings: the configuration's `kiosk` block with the page's
 * URL parameters over it; the clock starts at `?kioskClock=` when given and is
 * `window.__kioskClock` (docs/CONTRACTS.md "TV kiosk").
 */
function KioskApp({ config, sources, fallback }: { config: BoardConfig; sources: readonly SourceId[]; fallback: ReturnType<typeof selectBoard> }) {
  const kiosk = useLazyModule(kioskModule);
  const setup = useMemo(() => {
    if (!kiosk) return undefined;
    const { settings, problems } = kiosk.kioskSettings(config.kiosk, location.href);
    for (const p of problems) log.warn(`kiosk URL parameter ignored: ${p}`);
    return { settings, clock: kiosk.createKioskClock(kiosk.kioskClockStart(location.href)), serialise: kiosk.serialiseConfig };
  }, [kiosk, config]);
  useEffect(() => {
    if (setup) window.__kioskClock = setup.clock;
  }, [setup]);
  useEffect(() => {
    if (!kiosk) loadKiosk().catch((e: unknown) => log.error(`kiosk chunk not loaded: ${String(e)}`));
  }, [kiosk]);
  const renderBoard = useCallback(
    (b: ReturnType<typeof selectBoard>, chrome: KioskChrome) => (
      <Board title={config.title} sources={sources} kiosk board={b} headerClock={chrome.headerClock} panelChrome={chrome.panelChrome} listChrome={chrome.listChrome} />
    ),
    [config.title, sources],
  );
  const serialise = setup?.serialise;
  const reloadConfig = useCallback(async () => {
    // The served file as the kiosk loaded it (same `?config=` and origin rules), never from the HTTP cache.
    const next = await loadBoardConfig(appBaseHref(location.href), {
      schema: boardConfigSchema,
      fetch: (input, init) => fetch(input, { ...init, cache: 'no-store' }),
    });
    return serialise ? serialise(next) : JSON.stringify(next);
  }, [serialise]);
  if (!kiosk || !setup) return null;
  return (
    <kiosk.KioskShell
      config={config}
      settings={setup.settings}
      clock={setup.clock}
      sources={sources}
      fallback={fallback}
      renderBoard={renderBoard}
      reloadConfig={reloadConfig}
    />
  );
}
