import { X } from 'lucide-react';
import { useState } from 'react';
import type { AgentDeskPort } from '../../domain';
import { useTranslation } from '../../i18n';
import { useDeskAgent, useDeskNotice } from '../../stores/desk-hooks';
import { MyQueues } from './MyQueues';
import { StateControls } from './StateControls';
import { WorkItems } from './WorkItems';
import './desk.css';

/**
 * The agent's own desk (`/agent`, issue 8): their state per channel with Ready / Not Ready /
 * Log out, their calls with call control, and their queues, from b+s Connects CIL. Needs a
 * react-query `QueryClientProvider` above (the agent page provides it). Never on the kiosk.
 * @param port the CIL desk port (`sources.cil`); the app shows a "not configured" page without one
 */
export function AgentDesk({ port }: { port: AgentDeskPort }) {
  const { t } = useTranslation('desk');
  const agent = useDeskAgent();
  const name = [agent?.firstName, agent?.lastName].filter(Boolean).join(' ') || agent?.loginName;
  return (
    <div className="agent-desk" data-testid="agent-desk">
      {name && <p className="agent-desk__who muted">{t('signedInAs', { name })}</p>}
      <Notice />
      <StateControls port={port} />
      <div className="agent-desk__columns">
        <WorkItems port={port} />
        <MyQueues />
      </div>
    </div>
  );
}

/** The latest CIL error no request claimed, as text, dismissable. */
function Notice() {
  const notice = useDeskNotice();
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const { t } = useTranslation('desk');
  if (!notice || notice.at === dismissedAt) return null;
  return (
    <div className="desk-error desk-notice" role="alert" data-testid="desk-notice">
      <strong>{t('noticeTitle')}:</strong> <span>{notice.message}</span>
      <button type="button" className="icon-button icon-button--small" aria-label={t('dismiss')} onClick={() => setDismissedAt(notice.at)}>
        <X aria-hidden="true" size={14} />
      </button>
    </div>
  );
}
