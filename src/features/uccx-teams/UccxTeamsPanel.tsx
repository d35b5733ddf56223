import { memo, useId, useState } from 'react';
import { TEAM_MEMBER_STATUSES, type EntityKey, type TeamMember } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useTeam, useTeamKeys } from '../../stores';
import { useFormat } from '../../ui';

/**
 * The UCCX team panel (issue 12 scope 2; openmethods-uccx-report-server.txt "Report Events"):
 * every team the configured supervisors' team status reports list, each a
 * `data-testid="team-panel"` (`data-team-id`, `data-team-name`) with its members per status
 * (`data-testid="team-status-count"`, `data-status`, `data-value`) and one row per member
 * (`data-testid="team-member"`: `data-member-id`, `data-status` and `data-member-type` in the
 * vendor's spelling, `data-reason-code`): name, type, status in words and colour, reason
 * (the configured label, else the code) and the time since the wallboard saw that status
 * (UCCX sends no time; said so on screen). A team filter
 * (`data-testid="uccx-team-filter"`, a native select: keyboard as usual) shows one team or all.
 * Re-renders: the list when teams come, go or are renamed; a team card when its team
 * changes; a row when its member changes; only the "since" leaves every second.
 */
export function UccxTeamsPanel() {
  const keys = useTeamKeys('uccx');
  const [filter, setFilter] = useState<EntityKey | ''>('');
  const { t } = useTranslation('uccx');
  const ids = { title: useId(), filter: useId() };
  const shown = filter === '' || !keys.includes(filter) ? keys : [filter];
  return (
    <section className="panel uccx-teams" aria-labelledby={ids.title} data-testid="uccx-teams">
      <div className="uccx-teams__bar">
        <h2 id={ids.title} className="panel__title">
          {t('teams.title')}
        </h2>
        <label htmlFor={ids.filter}>{t('teams.filter')}</label>
        <select id={ids.filter} data-testid="uccx-team-filter" value={filter} onChange={(e) => setFilter(e.target.value as EntityKey | '')}>
          <option value="">{t('teams.all')}</option>
          {keys.map((k) => (
            <TeamOption key={k} teamKey={k} />
          ))}
        </select>
      </div>
      <p className="uccx-teams__note">{t('teams.seenByWallboard')}</p>
      {keys.length === 0 ? (
        <p className="panel__empty">{t('teams.none')}</p>
      ) : (
        <div className="uccx-teams__grid">
          {shown.map((k) => (
            <TeamCard key={k} teamKey={k} />
          ))}
        </div>
      )}
    </section>
  );
}

const TeamOption = memo(function TeamOption({ teamKey }: { teamKey: EntityKey }) {
  const team = useTeam(teamKey);
  return team ? <option value={teamKey}>{team.name}</option> : null;
});

/** One team: name, members per status, the members. */
const TeamCard = memo(function TeamCard({ teamKey }: { teamKey: EntityKey }) {
  const team = useTeam(teamKey);
  const { t } = useTranslation('uccx');
  const titleId = useId();
  if (!team) return null;
  const members = team.members ?? [];
  return (
    <article className="uccx-team" data-testid="team-panel" data-team-id={team.id} data-team-name={team.name} aria-labelledby={titleId}>
      <header className="uccx-team__head">
        <h3 id={titleId} className="uccx-team__name">
          {team.name}
        </h3>
        <span className="uccx-team__size">{t('teams.members', { count: members.length })}</span>
      </header>
      <ul className="uccx-team__counts" aria-label={t('teams.counts')}>
        {TEAM_MEMBER_STATUSES.map((s) => (
          <li key={s} className={`uccx-status uccx-status--${s}`} data-testid="team-status-count" data-status={s} data-value={String(team.statusCounts?.[s] ?? 0)}>
            {t(`teams.status.${s}`)}: <strong>{team.statusCounts?.[s] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {members.length === 0 ? (
        <p className="panel__empty">{t('teams.empty')}</p>
      ) : (
        <ul className="uccx-team__members">
          {members.map((m) => (
            <MemberRow key={m.id} member={m} />
          ))}
        </ul>
      )}
    </article>
  );
});

/** One member row (re-rendered only when the member is replaced). */
const MemberRow = memo(function MemberRow({ member }: { member: TeamMember }) {
  const { t } = useTranslation('uccx');
  const status = member.status ?? 'unknown';
  const reason = member.reasonCode === undefined ? undefined : (member.reasonLabel ?? member.reasonCode);
  return (
    <li
      className={`uccx-member uccx-status--${status}`}
      data-testid="team-member"
      data-member-id={member.id}
      data-status={member.status ?? ''}
      data-member-type={member.type ?? ''}
      data-reason-code={member.reasonCode}
    >
      <span className="uccx-member__name">{member.name}</span>
      <span className="uccx-member__type">{member.type ? t(`teams.type.${member.type}`) : ''}</span>
      <span className="uccx-member__status" data-testid="team-member-status">
        {t(`teams.status.${status}`)}
      </span>
      {reason !== undefined && (
        <span className="uccx-member__reason" data-testid="team-member-reason" title={member.reasonLabel ? t('teams.reasonCode', { code: member.reasonCode }) : undefined}>
          {reason}
        </span>
      )}
      <Since since={member.statusSince} />
    </li>
  );
});

/** Time since the wallboard saw the member's status: the one leaf that ticks (shared 1 Hz clock). */
function Since({ since }: { since: number }) {
  const now = useNow();
  const { t } = useTranslation('uccx');
  const format = useFormat();
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <span className="uccx-member__since" data-testid="team-member-since" data-value={String(seconds)} title={t('teams.sinceTitle')}>
      {t('teams.since', { time: format.duration(seconds) })}
    </span>
  );
}
