import { memo, useId, useMemo, useState } from 'react';
import { AGENT_STATES, type AgentState, type EntityKey, type SourceId } from '../../domain';
import { useTranslation } from '../../i18n';
import { useAgentKeys, useTeams, type AgentSortBy } from '../../stores';
import { BoardContext, useBoard, usePanelScope, type BoardContextValue } from '../../ui';
import { AgentTile } from './AgentTile';
import { stateLabel } from './labels';
import './agents.css';

/** The time-in-state filter's choices (seconds). */
const MIN_TIMES_SEC = [60, 300, 900] as const;

/** No reason codes: Finesse lets a supervisor set another agent only to READY, NOT_READY or LOGOUT, without a reason (NOTES.md §3). */
const NO_REASONS = { notReady: [], logout: [] } as const;

/**
 * The supervisor's team view (issue 9): a team picker (`data-testid="team-picker"`) listing
 * the teams of the supervisor's AgentInfo (the Generic Connector's `team.upsert`s), the
 * picked team's agents (membership from AgentInfo `<agent_teamId>`, states from State and
 * TeamUsersList), sorted by state or by time in state and filtered by state and by a least
 * time in state (re-checked on every tick). The filtered,
 * sorted list lives in the stores (`useAgentKeys` with `teamId`, `state`, `sortBy`),
 * re-ranked at most once a second, never in this component. Each tile has Ready / Not
 * Ready / Log out where the source offers the command port, without reason codes (a
 * supervisor may not give one), "pending" until the vendor confirms, and the agent's
 * pending state ("Next: …") while on a call. No team is picked at first (`?team=<id>`
 * preselects one), so the board's main grid and this view never show the same tile twice
 * unless asked to.
 */
export function TeamView({ source = 'gc', initialTeamId = teamFromUrl() }: { source?: SourceId; initialTeamId?: string }) {
  const teams = useTeams();
  const panelTeams = usePanelScope().filters.teams;
  // On a designed board, only the teams its panel's `teams` filter lists (absent or empty: all).
  const ownTeams = useMemo(
    () => teams.filter((t) => t.source === source && (!panelTeams || panelTeams.length === 0 || panelTeams.includes(t.id))),
    [teams, source, panelTeams],
  );
  const [teamId, setTeamId] = useState<string>(initialTeamId ?? '');
  const [sortBy, setSortBy] = useState<AgentSortBy>('state');
  const [state, setState] = useState<AgentState | ''>('');
  const [minSec, setMinSec] = useState<number | undefined>(undefined);
  const { t } = useTranslation('agents');
  const board = useBoard();
  const supervisorBoard = useMemo<BoardContextValue>(() => ({ ...board, config: { ...board.config, reasonCodes: NO_REASONS } }), [board]);
  const ids = { picker: useId(), sort: useId(), filter: useId(), time: useId() };
  if (ownTeams.length === 0) return null;
  return (
    <section className="panel team-panel" aria-labelledby="team-title" data-testid="team-view">
      <div className="agent-panel__bar">
        <h2 id="team-title" className="panel__title">
          {t('teamView.title')}
        </h2>
        <label className="team-panel__field" htmlFor={ids.picker}>
          {t('teamView.team')}
        </label>
        <select id={ids.picker} data-testid="team-picker" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">{t('teamView.choose')}</option>
          {ownTeams.map((team) => (
            <option key={team.key} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <label className="team-panel__field" htmlFor={ids.sort}>
          {t('teamView.sortBy')}
        </label>
        <select id={ids.sort} data-testid="team-sort" value={sortBy} onChange={(e) => setSortBy(e.target.value as AgentSortBy)}>
          <option value="state">{t('teamView.sortState')}</option>
          <option value="timeInState">{t('teamView.sortTime')}</option>
        </select>
        <label className="team-panel__field" htmlFor={ids.filter}>
          {t('teamView.filter')}
        </label>
        <select id={ids.filter} data-testid="team-state-filter" value={state} onChange={(e) => setState(e.target.value as AgentState | '')}>
          <option value="">{t('all')}</option>
          {AGENT_STATES.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s, t)}
            </option>
          ))}
        </select>
        <label className="team-panel__field" htmlFor={ids.time}>
          {t('teamView.minTime')}
        </label>
        <select
          id={ids.time}
          data-testid="team-min-time"
          value={minSec === undefined ? '' : String(minSec)}
          onChange={(e) => setMinSec(e.target.value === '' ? undefined : Number(e.target.value))}
        >
          <option value="">{t('teamView.anyTime')}</option>
          {MIN_TIMES_SEC.map((sec) => (
            <option key={sec} value={String(sec)}>
              {t('teamView.atLeastMinutes', { count: sec / 60 })}
            </option>
          ))}
        </select>
      </div>
      {teamId === '' ? (
        <p className="panel__empty">{t('teamView.pick')}</p>
      ) : (
        <BoardContext.Provider value={supervisorBoard}>
          <TeamTiles source={source} teamId={teamId} state={state === '' ? undefined : state} sortBy={sortBy} minSec={minSec} />
        </BoardContext.Provider>
      )}
    </section>
  );
}

/** The picked team's tiles, in the stores' order (re-ranked at most once a second). */
const TeamTiles = memo(function TeamTiles(props: {
  source: SourceId;
  teamId: string;
  state: AgentState | undefined;
  sortBy: AgentSortBy;
  minSec: number | undefined;
}) {
  const keys = useAgentKeys({ source: props.source, teamId: props.teamId, state: props.state, sortBy: props.sortBy, minTimeInStateSec: props.minSec });
  const { t } = useTranslation('agents');
  return (
    <>
      <p className="team-panel__count" data-testid="team-count" data-value={String(keys.length)}>
        {t('teamView.count', { count: keys.length })}
      </p>
      {keys.length === 0 ? <p className="panel__empty">{t('noMatch')}</p> : <TeamGrid keys={keys} />}
    </>
  );
});

function TeamGrid({ keys }: { keys: readonly EntityKey[] }) {
  return (
    <div className="agent-grid" data-testid="team-agents">
      {keys.map((k) => (
        <AgentTile key={k} agentKey={k} />
      ))}
    </div>
  );
}

/** The `?team=<id>` of the page address (preselects a team), or ''. */
function teamFromUrl(): string {
  if (typeof location === 'undefined') return '';
  return new URLSearchParams(location.search).get('team') ?? '';
}
