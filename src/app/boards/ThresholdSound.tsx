import { memo, useEffect, useRef, useState } from 'react';
import { AlarmClockOff, Bell, BellOff } from 'lucide-react';
import { useTranslation } from '../../i18n';
import { now as clockNow, useNow } from '../../lib/clock';
import {
  setThresholdSoundMuted,
  snoozeThresholdSound,
  useFormat,
  useThresholdRings,
  useThresholdSoundSettings,
} from '../../ui';

/** The threshold alert sound shipped with the app (`public/sounds/`; the emergency banner's sound). */
export const THRESHOLD_SOUND_URL = `${import.meta.env.BASE_URL}sounds/emergency-alert.wav`;

/**
 * The screen's threshold sound (issue 13 scope 4): one `<audio data-testid="threshold-sound">`
 * that plays once each time a figure newly reaches a level with `sound` (`ringThresholdSound`).
 * `enabled`: a desk plays unless muted or snoozed there; a kiosk only when its board sets
 * `kioskSound`. Test hooks on the element: `data-rings` (requests heard on this page),
 * `data-plays` (how many of them started playing), `data-muted="true"` while requests are
 * not played (muted, snoozed, or a kiosk without sound), `data-playing="true"` while it plays.
 */
export const ThresholdSound = memo(function ThresholdSound({ kiosk, kioskSound }: { kiosk: boolean; kioskSound: boolean }) {
  const rings = useThresholdRings();
  const settings = useThresholdSoundSettings();
  const audio = useRef<HTMLAudioElement>(null);
  const [plays, setPlays] = useState(0);
  const [playing, setPlaying] = useState(false);
  const now = useNow();
  const silent = kiosk ? !kioskSound : settings.muted || settings.snoozedUntil > now;

  useEffect(() => {
    const el = audio.current;
    if (!el || rings === 0) return;
    // Decided when the request arrives: the desk's mute and snooze at that moment.
    const s = kiosk ? !kioskSound : settings.muted || settings.snoozedUntil > clockNow();
    if (s) {
      el.pause();
      return;
    }
    el.currentTime = 0;
    Promise.resolve()
      .then(() => el.play())
      .then(
        () => setPlays((n) => n + 1),
        () => undefined,
      );
    // Only a new ring plays; mute changes are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rings]);

  useEffect(() => {
    if (silent) audio.current?.pause();
  }, [silent]);

  return (
    <audio
      ref={audio}
      data-testid="threshold-sound"
      src={THRESHOLD_SOUND_URL}
      preload="auto"
      data-rings={String(rings)}
      data-plays={String(plays)}
      data-muted={silent ? 'true' : undefined}
      data-playing={playing ? 'true' : undefined}
      onPlaying={() => setPlaying(true)}
      onPause={() => setPlaying(false)}
      onEnded={() => setPlaying(false)}
    />
  );
});

/**
 * The desk's threshold sound controls in the board's header: mute (kept on this screen) and
 * snooze for 15 minutes; buttons with `aria-pressed`, usable by keyboard. Hooks:
 * `data-testid="threshold-mute"` and `data-testid="threshold-snooze"`.
 */
export function ThresholdSoundControls() {
  const { t } = useTranslation('thresholds');
  const format = useFormat();
  const { muted, snoozedUntil } = useThresholdSoundSettings();
  const now = useNow();
  const snoozed = snoozedUntil > now;
  return (
    <div className="threshold-controls" role="group" aria-label={t('soundGroup')}>
      <button
        type="button"
        className="threshold-controls__button"
        data-testid="threshold-mute"
        aria-pressed={muted}
        onClick={() => setThresholdSoundMuted(!muted)}
        title={muted ? t('unmuteTitle') : t('muteTitle')}
      >
        {muted ? <BellOff aria-hidden="true" size={16} /> : <Bell aria-hidden="true" size={16} />} {muted ? t('muted') : t('mute')}
      </button>
      <button
        type="button"
        className="threshold-controls__button"
        data-testid="threshold-snooze"
        aria-pressed={snoozed}
        onClick={() => snoozeThresholdSound(!snoozed, clockNow())}
        title={t('snoozeTitle')}
      >
        <AlarmClockOff aria-hidden="true" size={16} /> {snoozed ? t('snoozedUntil', { time: format.clockTime(snoozedUntil) }) : t('snooze')}
      </button>
    </div>
  );
}
