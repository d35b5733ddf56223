import { useTranslation } from '../../i18n';
import { useWaitingChatCount } from '../../stores';
import { useFormat } from '../../ui';
import './chat.css';

/** The read-only count of waiting chats (kiosk); nothing when none ever arrived and `hideEmpty`. */
export function ChatWaitingCount() {
  const n = useWaitingChatCount();
  const { t } = useTranslation('chat');
  const format = useFormat();
  return (
    <section className="panel chat-count" aria-label={t('waitingLabel')}>
      <h2 className="panel__title">
        {t('title')} <span className="panel__count" data-testid="chat-waiting-count" data-value={n}>{format.number(n)}</span>
      </h2>
      <p className="chat-count__text">{t('waiting', { count: n })}</p>
    </section>
  );
}
