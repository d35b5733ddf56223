import { elapsedSeconds, type Agent } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useFormat } from '../../ui';

const PRESENCE_KEYS: Readonly<Record<string, string>> = {
  available: 'available',
  busy: 'busy',
  donotdisturb: 'dnd',
  offwork: 'offWork',
};

/**
 * What an RTE user's presence adds to the tile (issue 7 "People"): UserAvailability
 * (`Available`, `Busy`, `DoNotDisturb`, `OffWork` as a word; the note as sent, as text; the
 * end time, or "no end" for `DateTime.MaxValue`), whether the user serves in queues
 * (UserStatus `Serving`), and the time on the current call from the user's call events
 * (`data-testid="agent-time-on-call"`, `data-value` seconds; ticking in this leaf only).
 * Hooks: `data-testid="agent-presence"` with `data-presence` (vendor value) and
 * `data-until` (epoch ms, absent when no end). Renders nothing when it would add nothing
 * (no presence, or Available and serving and not on a call the board saw connect).
 */
export function AgentPresence({ agent }: { agent: Agent }) {
  const { t } = useTranslation('presence');
  const format = useFormat();
  // Only what adds to the state pill: plain "Available and serving, not on a call" adds nothing
  // (keeps most tiles one line shorter).
  const plain = (agent.presence === undefined || agent.presence.toLowerCase() === 'available') && agent.callSince === undefined && agent.serving !== false;
  if (plain) return null;
  const key = agent.presence === undefined ? undefined : PRESENCE_KEYS[agent.presence.toLowerCase()];
  return (
    <div className="agent-tile__presence">
      {agent.presence !== undefined && (
        <span
          data-testid="agent-presence"
          data-presence={agent.presence}
          data-until={agent.presenceUntil === undefined ? undefined : String(agent.presenceUntil)}
        >
          {key ? t(key) : agent.presence}
          {agent.presenceNote && agent.presenceNote !== agent.reasonLabel ? ` · ${agent.presenceNote}` : ''}
          {agent.presence.toLowerCase() !== 'available' &&
            ` · ${agent.presenceUntil === undefined ? t('noEnd') : t('until', { time: format.clockTime(agent.presenceUntil) })}`}
        </span>
      )}
      {agent.serving === false && agent.state !== 'LOGOUT' && <span className="muted"> · {t('notServing')}</span>}
      {agent.callSince !== undefined && <TimeOnCall since={agent.callSince} />}
    </div>
  );
}

function TimeOnCall({ since }: { since: number }) {
  const now = useNow();
  const { t } = useTranslation('presence');
  const format = useFormat();
  const s = elapsedSeconds(since, now);
  return (
    <span className="agent-tile__on-call">
      {' · '}
      {t('onCall')}{' '}
      <span data-testid="agent-time-on-call" data-value={String(s)}>
        {format.duration(s)}
      </span>
    </span>
  );
}
