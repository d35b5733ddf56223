import { AgentGrid } from '../features/agents';
import { HealthChips, HealthPanel } from '../features/health';
import { QueuePanel } from '../features/queues';
import type { SourceId } from '../domain';
import { Clock } from './Clock';
import './app.css';

/**
 * The board: header (title, clock, a health chip per source), the queue tiles, the agent
 * grid and the connection-health panel. `kiosk` is the read-only TV form: larger type,
 * no search, no pointer; command UI is absent because the app provides no command port there.
 */
export function Board({ title, sources, kiosk }: { title: string; sources: readonly SourceId[]; kiosk: boolean }) {
  return (
    <div className={`board${kiosk ? ' board--kiosk' : ''}`} data-testid={kiosk ? 'kiosk-board' : 'supervisor-board'}>
      <header className="board__header">
        <h1 className="board__title">{title}</h1>
        <HealthChips sources={sources} />
        <Clock />
      </header>
      <main className="board__main">
        <QueuePanel />
        <AgentGrid searchable={!kiosk} />
        <HealthPanel sources={sources} />
      </main>
    </div>
  );
}
