import { memo } from 'react';
import { PhoneCall } from 'lucide-react';
import { CALLBACK_LIST_STATS, type EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { useCallbackList, useCallbackListKeys, useIsSourceLive } from '../../stores';
import { Figure, SourceBadge, StaleTag, sourceOfKey, useFormat, usePanelKeys, usePanelHeadingId } from '../../ui';
import './callbacks.css';

/**
 * Callback lists (issue 7: RTE CallbackListStatus and CallbackChanged): one tile per list
 * with its figures (`data-testid="callback-list"`, `data-list-id`; figures `data-stat` =
 * open, assigned, freeForAllocation, overdue, dueNextHour, expiringToday, servingAgents,
 * `data-value` absent when not sent) and its most recently changed items with their last
 * attempt. Renders nothing while no list is known.
 */
export function CallbacksPanel() {
  const headingId = usePanelHeadingId('callbacks-title');
  const keys = usePanelKeys(useCallbackListKeys());
  const { t } = useTranslation('callbacks');
  if (keys.length === 0) return null;
  return (
    <section className="panel callbacks-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        <PhoneCall aria-hidden="true" size={16} /> {t('title')}
      </h2>
      <div className="callback-grid">
        {keys.map((k) => (
          <CallbackListTile key={k} listKey={k} />
        ))}
      </div>
    </section>
  );
}

const CallbackListTile = memo(function CallbackListTile({ listKey }: { listKey: EntityKey }) {
  const list = useCallbackList(listKey);
  const live = useIsSourceLive(sourceOfKey(listKey));
  const { t } = useTranslation('callbacks');
  const format = useFormat();
  if (!list) return null;
  return (
    <section
      className={`callback-list${live ? '' : ' is-stale'}`}
      data-testid="callback-list"
      data-list-id={list.id}
      data-source={list.source}
      data-stale={live ? 'false' : 'true'}
      aria-label={t('listLabel', { id: list.id })}
    >
      <header className="callback-list__head">
        <h3 className="callback-list__name" title={list.id}>
          {t('list', { id: list.id.slice(0, 8) })}
        </h3>
        <SourceBadge source={list.source} />
        {list.autoAllocate && <span className="muted">{t('autoAllocate')}</span>}
        {!live && <StaleTag />}
      </header>
      <div className="callback-list__figures">
        {CALLBACK_LIST_STATS.map((s) => (
          <Figure key={s} label={t(`stat.${s}`)} stat={s} value={list[s]} size={s === 'open' ? 'medium' : 'small'} />
        ))}
      </div>
      {list.items.length > 0 && (
        <ul className="callback-items" aria-label={t('itemsLabel')}>
          {list.items.slice(0, 5).map((i) => (
            <li key={i.id} className="callback-item" data-testid="callback-item" data-callback-id={i.id}>
              <span className="callback-item__who">{i.contactName ?? i.contactNumber ?? t('noContact')}</span>
              {i.contactName && i.contactNumber && <span className="muted">{i.contactNumber}</span>}
              <span className="muted">
                {i.lastAttemptAt !== undefined
                  ? t('lastAttempt', { time: format.clockTime(i.lastAttemptAt), count: i.attempts })
                  : t('noAttempt')}
                {i.lastAttemptNote ? ` · ${i.lastAttemptNote}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
