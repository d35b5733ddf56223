import { useEffect } from 'react';
import type { EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { useQueueKeys } from '../../stores';
import { useFormat, usePanelScope, usePanelHeadingId, useListChrome } from '../../ui';
import { QueueTile } from './QueueTile';
import './queues.css';

/**
 * More queues than this to show are virtualised by rows in a scroller of their own
 * (`data-testid="queue-virtual"`); up to it, every tile is in the page's flow.
 */
export const QUEUES_VIRTUALISE_ABOVE = 60;

/**
 * Every queue of every source, one tile each, in the stores' stable order; on a designed
 * board only the queues its panel's `sources` and `queues` filters allow (filtered in the
 * stores' queue view, not here). More than {@link QUEUES_VIRTUALISE_ABOVE} are virtualised.
 */
export function QueuePanel() {
  const headingId = usePanelHeadingId('queues-title');
  const { filters } = usePanelScope();
  const keys = useQueueKeys({ sources: filters.sources, ids: filters.queues });
  const { t } = useTranslation('queues');
  const format = useFormat();
  const listChrome = useListChrome();
  return (
    <section className="panel queue-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('title')} <span className="panel__count">{format.number(keys.length)}</span>
      </h2>
      {listChrome}
      {keys.length === 0 ? (
        <p className="panel__empty">{t('empty')}</p>
      ) : keys.length > QUEUES_VIRTUALISE_ABOVE ? (
        <LazyVirtualQueueRows keys={keys} />
      ) : (
        <PlainQueueTiles keys={keys} />
      )}
    </section>
  );
}

function PlainQueueTiles({ keys }: { keys: readonly EntityKey[] }) {
  return (
    <div className="queue-grid">
      {keys.map((k) => (
        <QueueTile key={k} queueKey={k} />
      ))}
    </div>
  );
}

/**
 * The virtualised queue rows: a chunk of their own (shared with the agent grid's), loaded
 * only when a board has more than {@link QUEUES_VIRTUALISE_ABOVE} queues to show (the
 * kiosk's eager bundle stays small; docs/PERFORMANCE.md "Kiosk bundle budget"). The
 * supervisor page preloads it.
 */
const virtualRows = lazyModule(() => import('./VirtualQueueRows'));

/** Starts loading the virtualised queue rows (idempotent); resolves when they can render. */
export function loadVirtualQueueRows(): Promise<unknown> {
  return virtualRows.load();
}

/** Virtualised rows once their chunk is there; until then (a few ms) the first tiles, unvirtualised. */
function LazyVirtualQueueRows({ keys }: { keys: readonly EntityKey[] }) {
  const mod = useLazyModule(virtualRows);
  useEffect(() => {
    virtualRows.load().catch(() => undefined);
  }, []);
  if (mod) return <mod.VirtualQueueRows keys={keys} />;
  return <PlainQueueTiles keys={keys.slice(0, FIRST_TILES)} />;
}

/** Tiles shown while the virtualiser's chunk loads. */
const FIRST_TILES = 24;
