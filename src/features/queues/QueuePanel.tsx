import { useTranslation } from '../../i18n';
import { useQueueKeys } from '../../stores';
import { useFormat, usePanelScope } from '../../ui';
import { QueueTile } from './QueueTile';
import './queues.css';

/**
 * Every queue of every source, one tile each, in the stores' stable order; on a designed
 * board only the queues its panel's `sources` and `queues` filters allow (filtered in the
 * stores' queue view, not here).
 */
export function QueuePanel() {
  const { filters } = usePanelScope();
  const keys = useQueueKeys({ sources: filters.sources, ids: filters.queues });
  const { t } = useTranslation('queues');
  const format = useFormat();
  return (
    <section className="panel queue-panel" aria-labelledby="queues-title">
      <h2 id="queues-title" className="panel__title">
        {t('title')} <span className="panel__count">{format.number(keys.length)}</span>
      </h2>
      {keys.length === 0 ? (
        <p className="panel__empty">{t('empty')}</p>
      ) : (
        <div className="queue-grid">
          {keys.map((k) => (
            <QueueTile key={k} queueKey={k} />
          ))}
        </div>
      )}
    </section>
  );
}
