import { memo } from 'react';
import { Info, OctagonAlert, TriangleAlert } from 'lucide-react';
import { messagesInForce, type BroadcastMessage, type BroadcastSeverity } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useBroadcastMessages } from '../../stores';
import { useFormat } from '../../ui';
import './broadcast.css';

const ICONS: Record<BroadcastSeverity, typeof Info> = { info: Info, warning: TriangleAlert, critical: OctagonAlert };

/**
 * The broadcast ticker (issue 13 scope 6): the messages in force, the most severe first, on
 * every board and kiosk that shows it. A message disappears at its expiry on the shared clock
 * (`useNow`: this small leaf alone re-renders once a second). Nothing renders while no
 * message is in force. Hooks (docs/CONTRACTS.md "Broadcast messages"): the bar
 * `data-testid="broadcast-ticker"`; each message `data-testid="broadcast"` with
 * `data-severity` (`info` | `warning` | `critical`), `data-broadcast-id` and `data-expires-at`
 * (epoch ms). The text is
 * rendered as text, never HTML; the severity is said by an icon and a word as well as a colour.
 */
export const BroadcastTicker = memo(function BroadcastTicker() {
  const messages = useBroadcastMessages();
  return messages.length === 0 ? null : <TickerBar messages={messages} />;
});

function TickerBar({ messages }: { messages: readonly BroadcastMessage[] }) {
  const now = useNow();
  const { t } = useTranslation('broadcast');
  const shown = messagesInForce(messages, now);
  if (shown.length === 0) return null;
  return (
    <section className="broadcast-ticker" data-testid="broadcast-ticker" aria-label={t('tickerLabel')} role="region">
      <ul className="broadcast-ticker__list" role="status" aria-live="polite">
        {shown.map((m) => (
          <TickerItem key={m.id} message={m} />
        ))}
      </ul>
    </section>
  );
}

const TickerItem = memo(function TickerItem({ message }: { message: BroadcastMessage }) {
  const { t } = useTranslation('broadcast');
  const f = useFormat();
  const Icon = ICONS[message.severity];
  return (
    <li className={`broadcast broadcast--${message.severity}`} data-testid="broadcast" data-severity={message.severity} data-broadcast-id={message.id} data-expires-at={message.expiresAt}>
      <span className="broadcast__severity">
        <Icon aria-hidden="true" size={18} />
        {t(`severity.${message.severity}`)}
      </span>
      <span className="broadcast__text">{message.text}</span>
      <span className="broadcast__until">{t('until', { time: f.clockTime(message.expiresAt) })}</span>
    </li>
  );
});
