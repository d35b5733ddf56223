// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandError, type AgentCommandPort, type GcDeskPort } from '../../domain';
import { missingKeyCount, setLanguage } from '../../i18n';
import { T0, publishNow as publish, setupTestWallboard } from '../../stores/test-support';
import { TestBoard, TEST_SETTINGS } from '../../ui/test-support';
import { GcAgentDesk } from './GcAgentDesk';

const board = setupTestWallboard();
afterEach(() => setLanguage('en'));

function ports(over: Partial<GcDeskPort> = {}) {
  const desk: GcDeskPort = {
    source: 'gc',
    mobileLogin: vi.fn(async () => {}),
    requestPhonebooks: vi.fn(async () => {}),
    requestContacts: vi.fn(async () => {}),
    transfer: vi.fn(async () => {}),
    conference: vi.fn(async () => {}),
    ...over,
  };
  const statePort: AgentCommandPort = { source: 'gc', setAgentState: vi.fn(async () => {}) };
  return { desk, statePort };
}
async function settle() {
  for (let i = 0; i < 3; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}
function fillLogin(extension = '2005') {
  fireEvent.change(screen.getByTestId('gc-login-id'), { target: { value: 'agent2005' } });
  fireEvent.change(screen.getByTestId('gc-login-password'), { target: { value: 'pw' } });
  fireEvent.change(screen.getByTestId('gc-login-extension'), { target: { value: extension } });
  fireEvent.change(screen.getByTestId('gc-login-dial-number'), { target: { value: '5551234' } });
  fireEvent.change(screen.getByTestId('gc-login-mode'), { target: { value: 'nailed' } });
  fireEvent.click(screen.getByTestId('gc-login-submit'));
}

describe('GcAgentDesk', () => {
  it('a documented error code of the mobile login is a readable message (en and de), the form stays', async () => {
    const wrong = new CommandError('vendor-error', 'WRONG_EXTENSION: Extension 9999 is not the extension of agent2005', 'WRONG_EXTENSION');
    const { desk, statePort } = ports({ mobileLogin: vi.fn(async () => Promise.reject(wrong)) });
    render(<TestBoard><GcAgentDesk desk={desk} statePort={statePort} reasonCodes={TEST_SETTINGS.reasonCodes} /></TestBoard>);
    fillLogin('9999');
    await settle();
    expect(desk.mobileLogin).toHaveBeenCalledWith({ loginId: 'agent2005', password: 'pw', extension: '9999', dialNumber: '5551234', callByCall: false });
    const err = screen.getByTestId('gc-login-error');
    expect(err.dataset.code).toBe('WRONG_EXTENSION');
    expect(err.textContent).toContain('The extension does not belong to this agent');
    act(() => setLanguage('de'));
    const before = missingKeyCount();
    expect(screen.getByTestId('gc-login-error').textContent).toContain('Die Nebenstelle gehört nicht zu diesem Agenten');
    expect(screen.getByTestId('gc-login-submit').textContent).toContain('Anmelden');
    expect(missingKeyCount()).toBe(before);
  });

  it('after login: own state from the store, Ready / Not Ready through the state port, phonebooks requested, a contact fills the target', async () => {
    const { desk, statePort } = ports();
    render(<TestBoard><GcAgentDesk desk={desk} statePort={statePort} reasonCodes={TEST_SETTINGS.reasonCodes} /></TestBoard>);
    fillLogin();
    await settle();
    publish(
      { kind: 'agent.upsert', source: 'gc', at: board.fake.now(), id: 'agent2005', name: 'Eva Novak', state: 'TALKING', pendingState: 'NOT_READY', stateSince: T0 - 5_000 },
      { kind: 'phonebook.list', source: 'gc', at: board.fake.now(), owner: 'agent2005', scope: 'agent', phonebooks: [{ id: '1', name: 'Company directory', type: 'GLOBAL' }] },
      { kind: 'phonebook.list', source: 'gc', at: board.fake.now(), owner: 'agent2005', scope: 'team', phonebooks: [] },
    );
    expect(screen.getByTestId('gc-desk').dataset.state).toBe('TALKING');
    expect(screen.getByTestId('gc-desk-pending-state').textContent).toContain('Not Ready');
    expect(screen.getByTestId('gc-desk-time').dataset.value).toBe('5');
    expect(desk.requestPhonebooks).toHaveBeenCalledWith('agent');
    expect(desk.requestPhonebooks).toHaveBeenCalledWith('team');
    expect(screen.getByTestId('gc-phonebook-none').dataset.scope).toBe('team');

    fireEvent.change(screen.getByTestId('gc-desk-reason-select'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('gc-desk-not-ready'));
    await settle();
    expect(statePort.setAgentState).toHaveBeenCalledWith({ agentId: 'agent2005', state: 'NOT_READY', reasonCodeId: '2' });
    fireEvent.click(screen.getByTestId('gc-desk-ready'));
    await settle();
    expect(statePort.setAgentState).toHaveBeenLastCalledWith({ agentId: 'agent2005', state: 'READY' });

    fireEvent.click(screen.getByTestId('phonebook'));
    await settle();
    expect(desk.requestContacts).toHaveBeenCalledWith('1');
    publish({
      kind: 'phonebook.contacts', source: 'gc', at: board.fake.now(), phonebookId: '1',
      contacts: [{ id: '101', firstName: 'Nina', lastName: '<b>Berg</b>', phoneNumber: '2017', description: 'Lead' }],
    });
    const contact = screen.getByTestId('phonebook-contact');
    expect(contact.textContent).toContain('<b>Berg</b>'); // vendor text is text
    fireEvent.click(contact);
    expect((screen.getByTestId('gc-desk-target') as HTMLInputElement).value).toBe('2017');
    fireEvent.change(screen.getByTestId('gc-desk-dialog-id'), { target: { value: 'gc-call-7' } });
    fireEvent.click(screen.getByTestId('gc-desk-transfer'));
    await settle();
    expect(desk.transfer).toHaveBeenCalledWith('2017', 'gc-call-7');
    expect(screen.getByTestId('gc-desk-call-done').textContent).toContain('Transferred to 2017');

    // Logged out (here by GC's State event): the login form is back, with the login id filled in.
    expect(screen.queryByTestId('gc-login-form')).toBeNull();
    publish({ kind: 'agent.upsert', source: 'gc', at: board.fake.now(), id: 'agent2005', state: 'LOGOUT' });
    expect((screen.getByTestId('gc-login-id') as HTMLInputElement).value).toBe('agent2005');
  });
});
