import { useEffect, useRef, useState } from 'react';
import { BellOff, Bell, Siren } from 'lucide-react';
import type { EmergencyCall } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useEmergencyCalls } from '../../stores';
import { useBoard, useFormat } from '../../ui';
import { acknowledgeEmergencies, setEmergencyMuted, useEmergencyScreenState } from './acknowledged';
import './emergency.css';

/** The alert sound shipped with the app (`public/sounds/`), not synthesised. */
export const EMERGENCY_SOUND_URL = `${import.meta.env.BASE_URL}sounds/emergency-alert.wav`;

/**
 * Calls to monitored emergency numbers (BCT EmergencyCall), over everything else on the
 * screen: the emergency number, the calling extension, the caller's name and location,
 * newest first (`data-testid="emergency-banner"`, one `data-testid="emergency-call"` with
 * `data-calling-number` per call).
 *
 * On a desk a call stays until acknowledged on this screen (Acknowledge / Acknowledge all;
 * acknowledgements survive a reload), and the alert sound
 * (`<audio data-testid="alert-sound">`) repeats until then unless muted on this screen.
 * On a TV (`kiosk`) a call shows for `emergency.kioskShowSec` seconds and the sound plays
 * only when `emergency.kioskSound` is configured; there are no controls. When the browser
 * blocks the sound (autoplay policy) the banner says so.
 */
export function EmergencyBanner({ kiosk }: { kiosk: boolean }) {
  const calls = useEmergencyCalls();
  const { acknowledged, muted } = useEmergencyScreenState();
  const settings = useBoard().config.emergency;
  const showSec = settings?.kioskShowSec ?? 300;
  const open = calls.filter((c) => !acknowledged.has(c.id));
  return kiosk ? <KioskCalls calls={open} showSec={showSec} sound={settings?.kioskSound ?? false} /> : <DeskCalls calls={open} muted={muted} />;
}

function KioskCalls({ calls, showSec, sound }: { calls: readonly EmergencyCall[]; showSec: number; sound: boolean }) {
  const now = useNow();
  const shown = calls.filter((c) => now - c.at < showSec * 1000);
  if (shown.length === 0) return null;
  return <Banner calls={shown} kiosk playing={sound} />;
}

function DeskCalls({ calls, muted }: { calls: readonly EmergencyCall[]; muted: boolean }) {
  if (calls.length === 0) return null;
  return <Banner calls={calls} kiosk={false} playing={!muted} muted={muted} />;
}

function Banner({ calls, kiosk, playing, muted = false }: { calls: readonly EmergencyCall[]; kiosk: boolean; playing: boolean; muted?: boolean }) {
  const { t } = useTranslation('emergency');
  const format = useFormat();
  const audio = useRef<HTMLAudioElement>(null);
  const [blocked, setBlocked] = useState(false);
  const newest = calls[0]?.id;

  const play = () => {
    const el = audio.current;
    if (!el) return;
    Promise.resolve()
      .then(() => el.play())
      .then(
        () => setBlocked(false),
        () => setBlocked(true),
      );
  };

  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    if (!playing) {
      el.pause();
      return;
    }
    el.currentTime = 0;
    play();
    return () => el.pause();
    // A new newest call restarts the sound.
  }, [playing, newest]);

  return (
    <div className={`emergency${kiosk ? ' emergency--kiosk' : ''}`} data-testid="emergency-banner" role="alert" aria-live="assertive">
      <audio ref={audio} data-testid="alert-sound" src={EMERGENCY_SOUND_URL} loop preload="auto" />
      <div className="emergency__head">
        <Siren aria-hidden="true" className="emergency__icon" />
        <h2 className="emergency__title">{t('title', { count: calls.length })}</h2>
        {!kiosk && (
          <div className="emergency__controls">
            <button type="button" className="emergency__button" onClick={() => setEmergencyMuted(!muted)} aria-pressed={muted}>
              {muted ? <Bell aria-hidden="true" size={18} /> : <BellOff aria-hidden="true" size={18} />} {muted ? t('unmute') : t('mute')}
            </button>
            {calls.length > 1 && (
              <button type="button" className="emergency__button" onClick={() => acknowledgeEmergencies(calls.map((c) => c.id))}>
                {t('acknowledgeAll')}
              </button>
            )}
          </div>
        )}
      </div>
      {playing && blocked && (
        <p className="emergency__blocked" data-testid="alert-sound-blocked">
          {t('soundBlocked')}{' '}
          {!kiosk && (
            <button type="button" className="emergency__button" onClick={play}>
              {t('playSound')}
            </button>
          )}
        </p>
      )}
      <ol className="emergency__list">
        {calls.map((c) => (
          <li key={c.id} className="emergency__call" data-testid="emergency-call" data-calling-number={c.callingNumber} data-called-number={c.calledNumber}>
            <span className="emergency__number">{c.calledNumber}</span>
            <span className="emergency__from">
              {t('from', { extension: c.callingNumber || t('unknown') })}
              {c.callerName ? ` · ${c.callerName}` : ''}
            </span>
            <span className="emergency__where">{c.callerLocation ?? t('noLocation')}</span>
            <time className="emergency__time" dateTime={new Date(c.at).toISOString()}>
              {format.clockTime(c.at)}
            </time>
            {!kiosk && (
              <button type="button" className="emergency__button emergency__ack" onClick={() => acknowledgeEmergencies([c.id])}>
                {t('acknowledge')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
