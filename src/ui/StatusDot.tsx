import type { ConnectionStatus } from '../domain';
import { useTranslation } from '../i18n';
import './ui.css';

/** The word for a connection status in the current language (catalogue `common:connection.*`). */
export function useConnectionStatusLabel(): (status: ConnectionStatus) => string {
  const { t } = useTranslation('common');
  return (status) => t(`connection.${status}`);
}

/**
 * A coloured dot for a connection status. Decorative only (hidden from assistive
 * technology): always place the status word next to it.
 */
export function StatusDot({ status }: { status: ConnectionStatus }) {
  return <span className={`dot dot--${status}`} aria-hidden="true" />;
}
