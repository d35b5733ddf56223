// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishNow as publish, setupTestWallboard, T0 } from '../../stores/test-support';
import { TestBoard } from '../../ui/test-support';
import { AlarmsPanel, resetAlarmAcknowledgements } from './AlarmsPanel';

setupTestWallboard();
beforeEach(() => resetAlarmAcknowledgements());

const bctAlarm = (at: number) =>
  publish({ kind: 'alarm.raise', source: 'bct', id: '2101|[Monitoring Service]', vendorId: '2101', condition: 'Connection failed to PBX: Headq1', entityName: '[Monitoring Service]', severity: 'alarm', at });

describe('AlarmsPanel: acknowledged per screen (issue 10 scope 5)', () => {
  it('shows the vendor id; a supervisor acknowledges an active alarm, kept across a remount; resolved is resolved', () => {
    bctAlarm(T0);
    const { unmount } = render(<TestBoard><AlarmsPanel /></TestBoard>);
    const row = screen.getByTestId('alarm');
    expect(row.dataset).toMatchObject({ alarmId: '2101', source: 'bct', severity: 'alarm', state: 'active' });
    fireEvent.click(within(row).getByRole('button', { name: 'Acknowledge alarm Connection failed to PBX: Headq1' }));
    expect(screen.getByTestId('alarm').dataset.state).toBe('acknowledged');
    unmount();
    render(<TestBoard><AlarmsPanel /></TestBoard>);
    expect(screen.getByTestId('alarm').dataset.state).toBe('acknowledged');
    publish({ kind: 'alarm.reconcile', source: 'bct', activeIds: [], at: T0 + 1000 });
    expect(screen.getByTestId('alarm').dataset.state).toBe('resolved');
    expect(within(screen.getByTestId('alarm')).queryByRole('button')).toBeNull();
  });

  it('an alarm raised again after it was resolved is active again; a TV has no button', () => {
    bctAlarm(T0);
    render(<TestBoard readOnly><AlarmsPanel readOnly /></TestBoard>);
    expect(within(screen.getByTestId('alarm')).queryByRole('button')).toBeNull();
    publish({ kind: 'alarm.clear', source: 'bct', id: '2101|[Monitoring Service]', at: T0 + 10 });
    bctAlarm(T0 + 20);
    expect(screen.getByTestId('alarm').dataset.state).toBe('active');
  });
});
