import { useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { toast } from 'sonner';
import type { Agent } from '../../domain';
import { useTranslation } from '../../i18n';
import type { AgentStatePort, AgentStateRequest, BoardSettings } from '../../ui';
import { ActionsMenu } from './ActionsMenu';
import { AgentTileView } from './AgentTile';
import { describeCommand } from './labels';

/**
 * An agent tile with the Ready / Not Ready / Log out menu: sends through a react-query
 * mutation (needs a `QueryClientProvider` above), shows "pending" until the vendor's own
 * event confirms the new state, and a toast plus an inline, dismissable error when the
 * command fails. Loaded lazily by `AgentTile` (never on the kiosk).
 */
export function CommandableAgentTile(props: { agent: Agent; stale: boolean; port: AgentStatePort; config: BoardSettings }) {
  const { agent, stale, port, config } = props;
  // A backend with reasons of its own (Business ConneCT) offers those, not the board's codes.
  const reasonCodes = port.reasonCodes ?? config.reasonCodes;
  // The agent's `updatedAt` when the command was sent: after the vendor confirmed, the tile
  // stays "pending" until that confirming event has reached the store too.
  const [sentAt, setSentAt] = useState<number | null>(null);
  const { t } = useTranslation('agents');
  const mutation = useMutation<void, Error, AgentStateRequest>({
    mutationFn: (cmd) => port.setAgentState(cmd),
    onError: (err, cmd) => {
      toast.error(t('commandFailed', { name: agent.name, command: describeCommand(cmd, reasonCodes, t) }), {
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
        {t('pending', { command: describeCommand(sent, reasonCodes, t) })}
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
          reasonCodes={reasonCodes}
          states={port.states}
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

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
