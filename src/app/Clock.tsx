import { useNow } from '../lib/clock';
import { clockTime } from '../ui';

/** The wall clock in the header (`HH:MM:SS`), on the shared 1 Hz clock. */
export function Clock() {
  const now = useNow();
  return (
    <time className="board__clock" dateTime={new Date(now).toISOString()} data-testid="board-clock">
      {clockTime(now)}
    </time>
  );
}
