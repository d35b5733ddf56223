import { useTranslation } from '../i18n';
import { useNow } from '../lib/clock';
import { useFormat } from '../ui';

/** The wall clock in the header (`HH:MM:SS`, 24-hour, in the current locale's form), on the shared 1 Hz clock. */
export function Clock() {
  const now = useNow();
  const format = useFormat();
  const { t } = useTranslation('board');
  return (
    <time className="board__clock" dateTime={new Date(now).toISOString()} data-testid="board-clock" aria-label={t('clockLabel')}>
      {format.clockTime(now)}
    </time>
  );
}
