import { useQueueKeys } from '../../stores';
import { QueueTile } from './QueueTile';
import './queues.css';

/** Every queue of every source, one tile each, in the stores' stable order. */
export function QueuePanel() {
  const keys = useQueueKeys();
  return (
    <section className="panel queue-panel" aria-labelledby="queues-title">
      <h2 id="queues-title" className="panel__title">
        Queues <span className="panel__count">{keys.length}</span>
      </h2>
      {keys.length === 0 ? (
        <p className="panel__empty">No queue data yet.</p>
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
