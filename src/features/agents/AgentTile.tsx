import { memo, useEffect, type CSSProperties, type ReactNode } from 'react';
import { EllipsisVertical } from 'lucide-react';
import { elapsedSeconds, entityKey, SOURCE_LABELS, type Agent, type AgentState, type EntityKey, type NoPortReason, type SourceId } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { useAgent, useIsSourceLive, useTeam } from '../../stores';
import {
  Badge,
  SeverityMark,
  SourceBadge,
  StaleTag,
  sourceOfKey,
  useBoard,
  usePanelScope,
  usePort,
  useFormat,
  useThreshold,
} from '../../ui';
import { pendingLabel, stateLabelOf } from './labels';
import { StateIcon } from './StateIcon';
import { AgentPresence } from './Presence';
import './agents.css';

/**
 * The command menu and its react-query mutation (`AgentCommands.tsx`): a chunk of its own,
 * loaded only where a command port exists, so the kiosk never downloads it, nor react-query
 * and sonner (docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const agentCommands = lazyModule(() => import('./AgentCommands'));

/**
 * Loads the agent command menu (resolves when tiles can render it without waiting). The
 * supervisor page awaits it before its first render; tiles load it on their own otherwise
 * (showing no menu until it has arrived).
 * @throws (rejects) when the chunk cannot be downloaded
 */
export function loadAgentCommands(): Promise<void> {
  return agentCommands.load().then(() => undefined);
}

/**
 * One agent: name, state (colour and word), reason, time in state ticking on the shared
 * clock, extension and team where known; dimmed and marked "stale" while its source is not
 * live. Where the app provides a command port for the agent's source, the tile also has the
 * Ready / Not Ready / Log out menu. Renders nothing while the agent is unknown (a key can
 * outlive its agent by up to a second).
 */
export const AgentTile = memo(function AgentTile({ agentKey }: { agentKey: EntityKey }) {
  const agent = useAgent(agentKey);
  const live = useIsSourceLive(sourceOfKey(agentKey));
  const { config } = useBoard();
  const { port, whyNot } = usePort(sourceOfKey(agentKey), 'agentState');
  const commands = useLazyModule(agentCommands);
  useEffect(() => {
    if (port) void agentCommands.load();
  }, [port]);
  if (!agent) return null;
  if (port && commands) {
    // Keyed by the agent: its command state (in flight, pending, error, open menu) never
    // passes to the next agent shown in this slot of a virtualised grid.
    return <commands.CommandableAgentTile key={agentKey} agent={agent} stale={!live} port={port} config={config} />;
  }
  // A read-only screen (kiosk) shows no command UI at all; elsewhere say why there is none.
  const actions = whyNot && whyNot !== 'read-only' ? <NoCommand source={agent.source} why={whyNot} /> : undefined;
  return <AgentTileView agent={agent} stale={!live} notReadyWarnSec={config.thresholds.notReadyWarnSec} actions={actions} />;
});

/**
 * In place of the command menu where the agent's source offers no agent-state port: a
 * disabled-looking control that says why on hover and on keyboard focus
 * (`data-testid="agent-actions-unavailable"`, `data-why` = the {@link NoPortReason}).
 */
const NoCommand = memo(function NoCommand({ source, why }: { source: SourceId; why: NoPortReason }) {
  const { t } = useTranslation('agents');
  const text = t(`noCommand.${why}`, { source: SOURCE_LABELS[source] });
  return (
    <button
      type="button"
      className="icon-button agent-tile__no-command"
      data-testid="agent-actions-unavailable"
      data-why={why}
      aria-disabled="true"
      aria-label={text}
      title={text}
    >
      <EllipsisVertical aria-hidden="true" size={16} />
    </button>
  );
});

/** The tile itself (presentation only; `AgentCommands.tsx` adds the command menu to it). */
export function AgentTileView(props: {
  agent: Agent;
  stale: boolean;
  notReadyWarnSec?: number;
  pending?: boolean;
  actions?: ReactNode;
  status?: ReactNode;
}) {
  const { agent, stale, notReadyWarnSec, pending = false, actions, status } = props;
  const team = useTeam(entityKey(agent.source, agent.teamId ?? ''));
  const { t } = useTranslation('agents');
  const label = stateLabelOf(agent, t);
  const meta = [
    agent.extension !== undefined && t('extension', { extension: agent.extension }),
    agent.teamId !== undefined && (team && team.name !== team.id ? team.name : t('team', { id: agent.teamId })),
    agent.pendingState ? t('next', { state: pendingLabel(agent.pendingState, t) }) : false,
  ].filter(Boolean);
  return (
    <article
      className={`agent-tile state--${agent.state}${stale ? ' is-stale' : ''}${pending ? ' is-pending' : ''}`}
      data-testid="agent-tile"
      data-agent-id={agent.id}
      data-source={agent.source}
      data-state={agent.state}
      data-stale={stale ? 'true' : 'false'}
      aria-label={t('tileLabel', { name: agent.name, state: label })}
    >
      <header className="agent-tile__head">
        <span className="agent-tile__name" title={agent.name}>
          {agent.name}
        </span>
        <SourceBadge source={agent.source} />
        {actions}
      </header>
      <div className="agent-tile__state">
        <span className="state-pill" data-testid="agent-state-label">
          <StateIcon state={agent.state} />
          <span className="state-pill__text">{label}</span>
        </span>
        <TimeInState state={agent.state} since={agent.stateSince} seen={agent.stateSinceSeen === true} warnAfterSec={agent.state === 'NOT_READY' ? notReadyWarnSec : undefined} />
      </div>
      <div className="agent-tile__meta" title={[agent.reasonLabel, ...meta].filter(Boolean).join(' · ')}>
        <span className="agent-tile__reason" data-testid="agent-reason">
          {agent.reasonLabel ?? ''}
        </span>
        <span className="agent-tile__meta-text">{meta.join(' · ')}</span>
        {stale && <StaleTag />}
      </div>
      <AgentPresence agent={agent} />
      {status}
    </article>
  );
}

/**
 * Time in the current state, ticking once a second on the shared clock. Its own component
 * so that only this leaf re-renders every second. Over `warnAfterSec` it says "Long" (`agents:long`) too.
 * `seen`: the state began before the board listened; the time is "since seen" (shown as
 * `≥m:ss`, the words in its title and accessible name, `data-since-seen="true"` on
 * `agent-time-in-state`).
 */
function TimeInState({ state, since, seen, warnAfterSec }: { state: AgentState; since: number; seen: boolean; warnAfterSec?: number }) {
  const now = useNow();
  const { t } = useTranslation('agents');
  const { t: tp } = useTranslation('presence');
  const format = useFormat();
  const { thresholds } = usePanelScope();
  const seconds = elapsedSeconds(since, now);
  const long = warnAfterSec !== undefined && seconds >= warnAfterSec;
  const perState = timeInStateStat(state);
  const stat = Object.hasOwn(thresholds, perState) ? perState : 'timeInState';
  const threshold = useThreshold(stat, seconds, warnAfterSec === undefined ? undefined : long ? 'warn' : 'ok');
  const sev = threshold.severity;
  const flash = threshold.level?.flash === true;
  return (
    <span
      className={`agent-tile__time${sev === 'critical' ? ' sev--alarm' : sev === 'warning' ? ' sev--warn' : ''}${flash ? ' figure--flash' : ''}${threshold.level?.colour ? ' figure--coloured' : ''}`}
      style={threshold.level?.colour ? ({ '--threshold-colour': threshold.level.colour } as CSSProperties) : undefined}
    >
      <span
        data-testid="agent-time-in-state"
        data-stat={stat}
        data-severity={threshold.has ? sev : undefined}
        data-flash={flash ? 'true' : undefined}
        data-value={String(seconds)}
        data-since-seen={seen ? 'true' : undefined}
        title={seen ? `${tp('sinceSeen')}: ${tp('sinceSeenTitle')}` : undefined}
        aria-label={seen ? `${format.duration(seconds)} ${tp('sinceSeen')}` : undefined}
      >
        {seen ? `≥${format.duration(seconds)}` : format.duration(seconds)}
      </span>
      {long && sev !== 'critical' && (
        <>
          {' '}
          <Badge tone="warn" title={t('longTitle', { duration: format.duration(warnAfterSec) })}>
            {t('long')}
          </Badge>
        </>
      )}
      {!long && sev === 'warning' && <SeverityMark severity="warn" />}
      {sev === 'critical' && <SeverityMark severity="alarm" />}
    </span>
  );
}

/**
 * The `data-stat` name of the time in `state` that a designed board's panel thresholds use:
 * `timeInState` + the state in Pascal case (`NOT_READY` → `timeInStateNotReady`); a panel
 * threshold `timeInState` applies to every state without its own.
 */
export function timeInStateStat(state: AgentState): string {
  return 'timeInState' + state.split('_').map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join('');
}
