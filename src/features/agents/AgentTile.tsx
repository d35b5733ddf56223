import { memo, useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { EllipsisVertical, X } from 'lucide-react';
import { toast } from 'sonner';
import { elapsedSeconds, entityKey, SOURCE_LABELS, type Agent, type EntityKey, type NoPortReason } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useAgent, useIsSourceLive, useTeam } from '../../stores';
import {
  Badge,
  SourceBadge,
  StaleTag,
  sourceOfKey,
  useBoard,
  usePort,
  useFormat,
  type AgentStatePort,
  type AgentStateRequest,
  type BoardSettings,
} from '../../ui';
import { ActionsMenu } from './ActionsMenu';
import { describeCommand, pendingLabel, stateLabelOf } from './labels';
import { StateIcon } from './StateIcon';
import './agents.css';

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
  if (!agent) return null;
  if (port) {
    return <CommandableAgentTile agent={agent} stale={!live} port={port} config={config} />;
  }
  // A read-only screen (kiosk) shows no command UI at all; elsewhere say why there is none.
  const actions = whyNot && whyNot !== 'read-only' ? <NoCommand agent={agent} why={whyNot} /> : undefined;
  return <AgentTileView agent={agent} stale={!live} notReadyWarnSec={config.thresholds.notReadyWarnSec} actions={actions} />;
});

/** An agent tile with the command menu: sends through a react-query mutation, shows pending and errors. */
function CommandableAgentTile(props: { agent: Agent; stale: boolean; port: AgentStatePort; config: BoardSettings }) {
  const { agent, stale, port, config } = props;
  // The agent's `updatedAt` when the command was sent: after the vendor confirmed, the tile
  // stays "pending" until that confirming event has reached the store too.
  const [sentAt, setSentAt] = useState<number | null>(null);
  const { t } = useTranslation('agents');
  const mutation = useMutation<void, Error, AgentStateRequest>({
    mutationFn: (cmd) => port.setAgentState(cmd),
    onError: (err, cmd) => {
      toast.error(t('commandFailed', { name: agent.name, command: describeCommand(cmd, config.reasonCodes, t) }), {
        description: err.message,
      });
    },
  });
  const sent = mutation.variables;
  const waitingForStore =
    mutation.isSuccess &&
    sent !== undefined &&
    sentAt === agent.updatedAt &&
    !(agent.state === sent.state && agent.reasonCodeId === sent.reasonCodeId);
  const pending = mutation.isPending || waitingForStore;

  let status: ReactNode = null;
  if (pending && sent) {
    status = (
      <p className="agent-tile__pending" data-testid="agent-pending" role="status">
        {t('pending', { command: describeCommand(sent, config.reasonCodes, t) })}
      </p>
    );
  } else if (mutation.isError) {
    status = (
      <div className="agent-tile__error" data-testid="agent-command-error" role="alert">
        <span>{messageOf(mutation.error)}</span>
        <button type="button" className="icon-button icon-button--small" aria-label={t('dismissError')} onClick={() => mutation.reset()}>
          <X aria-hidden="true" size={14} />
        </button>
      </div>
    );
  }

  return (
    <AgentTileView
      agent={agent}
      stale={stale}
      notReadyWarnSec={config.thresholds.notReadyWarnSec}
      pending={pending}
      actions={
        <ActionsMenu
          agentId={agent.id}
          agentName={agent.name}
          disabled={pending}
          reasonCodes={config.reasonCodes}
          onCommand={(cmd) => {
            setSentAt(agent.updatedAt);
            mutation.mutate(cmd);
          }}
        />
      }
      status={status}
    />
  );
}

/**
 * In place of the command menu where the agent's source offers no agent-state port: a
 * disabled-looking control that says why on hover and on keyboard focus
 * (`data-testid="agent-actions-unavailable"`, `data-why` = the {@link NoPortReason}).
 */
function NoCommand({ agent, why }: { agent: Agent; why: NoPortReason }) {
  const { t } = useTranslation('agents');
  const text = t(`noCommand.${why}`, { source: SOURCE_LABELS[agent.source] });
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
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The tile itself (presentation only). */
function AgentTileView(props: {
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
        <TimeInState since={agent.stateSince} warnAfterSec={agent.state === 'NOT_READY' ? notReadyWarnSec : undefined} />
      </div>
      <div className="agent-tile__meta" title={[agent.reasonLabel, ...meta].filter(Boolean).join(' · ')}>
        <span className="agent-tile__reason" data-testid="agent-reason">
          {agent.reasonLabel ?? ''}
        </span>
        <span className="agent-tile__meta-text">{meta.join(' · ')}</span>
        {stale && <StaleTag />}
      </div>
      {status}
    </article>
  );
}

/**
 * Time in the current state, ticking once a second on the shared clock. Its own component
 * so that only this leaf re-renders every second. Over `warnAfterSec` it says "Long" (`agents:long`) too.
 */
function TimeInState({ since, warnAfterSec }: { since: number; warnAfterSec?: number }) {
  const now = useNow();
  const { t } = useTranslation('agents');
  const format = useFormat();
  const seconds = elapsedSeconds(since, now);
  const long = warnAfterSec !== undefined && seconds >= warnAfterSec;
  return (
    <span className={`agent-tile__time${long ? ' sev--warn' : ''}`}>
      <span data-testid="agent-time-in-state" data-value={String(seconds)}>
        {format.duration(seconds)}
      </span>
      {long && (
        <>
          {' '}
          <Badge tone="warn" title={t('longTitle', { duration: format.duration(warnAfterSec) })}>
            {t('long')}
          </Badge>
        </>
      )}
    </span>
  );
}
