// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmergencyCallEvent } from '../../domain';
import { setLanguage } from '../../i18n';
import { publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { TEST_SETTINGS, TestBoard } from '../../ui/test-support';
import { resetEmergencyScreenState } from './acknowledged';
import { EmergencyBanner } from './EmergencyBanner';

const board = setupTestWallboard();
const call = (id: string, callingNumber: string, extra: Partial<EmergencyCallEvent> = {}): EmergencyCallEvent => ({
  kind: 'emergency.call',
  source: 'bct',
  id,
  calledNumber: '112',
  callingNumber,
  at: board.fake.now(),
  ...extra,
});
const config = { ...TEST_SETTINGS, emergency: { kioskShowSec: 60, kioskSound: false } };

let played = 0;
let paused = 0;
let blockPlay = false;
beforeEach(() => {
  played = 0;
  paused = 0;
  blockPlay = false;
  resetEmergencyScreenState();
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => {
    played++;
    return blockPlay ? Promise.reject(new DOMException('blocked', 'NotAllowedError')) : Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => void paused++);
});
afterEach(() => vi.restoreAllMocks());

describe('EmergencyBanner', () => {
  it('shows nothing without a call; a call shows number, extension, name and location, newest first, with the sound playing', async () => {
    render(<TestBoard config={config}><EmergencyBanner kiosk={false} /></TestBoard>);
    expect(screen.queryByTestId('emergency-banner')).toBeNull();
    publish(call('c1', '2001', { callerName: 'Ann Lee', callerLocation: 'Building A, 1.12' }));
    board.fake.advance(1000);
    publish(call('c2', '2002', { callerName: '<b>Bob</b>' }));
    const banner = screen.getByTestId('emergency-banner');
    const items = within(banner).getAllByTestId('emergency-call');
    expect(items.map((i) => i.dataset.callingNumber)).toEqual(['2002', '2001']);
    expect(items[1]!.textContent).toContain('Ann Lee');
    expect(items[1]!.textContent).toContain('Building A, 1.12');
    expect(items[0]!.textContent).toContain('<b>Bob</b>'); // vendor text as text
    expect(items[0]!.querySelector('b')).toBeNull();
    expect(banner.querySelector('audio[data-testid="alert-sound"]')?.getAttribute('src')).toMatch(/sounds\/emergency-alert\.wav$/);
    await act(async () => {});
    expect(played).toBeGreaterThan(0);
  });

  it('a desk acknowledges calls (kept across a remount, as after a reload) and can mute the sound', async () => {
    publish(call('c1', '2001'));
    publish(call('c2', '2002'));
    const { unmount } = render(<TestBoard config={config}><EmergencyBanner kiosk={false} /></TestBoard>);
    fireEvent.click(within(screen.getAllByTestId('emergency-call')[0]!).getByRole('button', { name: 'Acknowledge' }));
    expect(screen.getAllByTestId('emergency-call').map((i) => i.dataset.callingNumber)).toEqual(['2001']);
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('button', { name: 'Sound on' }).getAttribute('aria-pressed')).toBe('true');
    unmount();
    render(<TestBoard config={config}><EmergencyBanner kiosk={false} /></TestBoard>);
    expect(screen.getAllByTestId('emergency-call').map((i) => i.dataset.callingNumber)).toEqual(['2001']);
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(screen.queryByTestId('emergency-banner')).toBeNull();
  });

  it('says when the browser blocked the sound', async () => {
    blockPlay = true;
    publish(call('c1', '2001'));
    render(<TestBoard config={config}><EmergencyBanner kiosk={false} /></TestBoard>);
    await act(async () => {});
    expect(screen.getByTestId('alert-sound-blocked').textContent).toContain('blocked');
  });

  it('on a TV: no controls, no sound unless configured, gone after the configured time; German', () => {
    act(() => setLanguage('de'));
    try {
      publish(call('c1', '2001'));
      render(<TestBoard config={config} readOnly><EmergencyBanner kiosk /></TestBoard>);
      const banner = screen.getByTestId('emergency-banner');
      expect(within(banner).queryAllByRole('button')).toHaveLength(0);
      expect(banner.textContent).toContain('Notruf');
      expect(played).toBe(0);
      act(() => board.fake.advance(61_000));
      expect(screen.queryByTestId('emergency-banner')).toBeNull();
    } finally {
      act(() => setLanguage('en'));
    }
  });
});
