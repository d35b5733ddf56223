import { expect, test, type Page } from '@playwright/test';
import { E2E } from './ports';
import { resetPausedForEachTest, sim } from './sim-client';

// Issue 11 (web chat on Business ConneCT), end to end against the real ActiveMQ:
// acceptance 2 (a chat from request to session end equals the simulator's transcript),
// acceptance 3 (a failed send keeps its text and is retried; a reload shows the conversation
// again and sends nothing twice) and acceptance 4 (hostile strings in every chat field render
// as text). State comes only from the simulator's controls (docs/CONTRACTS.md "BCT simulator").

const APP = '/?config=/config.chat.json';

interface ChatTruth {
  sessionId: string;
  state: string;
  transcript: { by: string; what: string; properties: Record<string, unknown>; instance?: string }[];
}

async function simGet<T>(path: string): Promise<T> {
  const r = await fetch(`${E2E.simHttpUrl}${path}`);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return (await r.json()) as T;
}
const chatTruth = async (id: string) => (await simGet<ChatTruth[]>('/sim/bct/chats')).find((c) => c.sessionId === id)!;
const chatCommands = async () =>
  (await simGet<{ body: string; answered: string }[]>('/sim/bct/commands')).filter((c) => /WebChat/.test(c.body)).map((c) => ({ ...(JSON.parse(c.body) as { command: string; instance: string; properties: Record<string, unknown> }), answered: c.answered }));

const session = (page: Page, id: string) => page.locator(`[data-testid="chat-session"][data-session-id="${id}"]`);
const lines = (page: Page) =>
  page.$$eval('[data-testid="chat-message"]', (els) => els.map((e) => ({ sender: e.getAttribute('data-sender'), type: e.getAttribute('data-type'), status: e.getAttribute('data-status'), text: e.querySelector('.chat-line__text')?.textContent ?? '' })));

async function openBoard(page: Page) {
  await page.goto(APP);
  await expect(page.getByTestId('chat-panel')).toBeVisible({ timeout: 15_000 });
  // The relay's events reach the board only once it is subscribed (the source is live).
  await expect(page.locator('[data-testid="connection-status"][data-source="bct"]').first()).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
}

resetPausedForEachTest();

test('a web chat from request to session end equals the simulator transcript', async ({ page }) => {
  await sim.control('bct/chat/open', { sessionId: 'chat-a', initiator: 'Max Muster', email: 'max@example.com', router: 'Chat', language: 'en' });
  await openBoard(page);
  // The request was published before the board subscribed; open another one that it sees live.
  await sim.control('bct/chat/open', { sessionId: 'chat-b', initiator: 'Erika Muster', email: 'erika@example.com', router: 'Chat', language: 'de' });
  await expect(session(page, 'chat-b')).toHaveAttribute('data-state', 'requested');
  await session(page, 'chat-b').click();
  await expect(page.getByText('erika@example.com')).toBeVisible();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(session(page, 'chat-b')).toHaveAttribute('data-state', 'active');

  await sim.control('bct/chat/message', { sessionId: 'chat-b', message: 'My parcel is late.' });
  await expect(page.getByTestId('chat-message').filter({ hasText: 'My parcel is late.' })).toHaveAttribute('data-sender', 'customer');
  const input = page.getByTestId('chat-input');
  await input.fill('Let me check.');
  await input.press('Shift+Enter');
  await input.pressSequentially('One moment.');
  await input.press('Enter');
  await expect(page.locator('[data-testid="chat-message"][data-sender="agent"][data-type="message"] .chat-line__text')).toHaveText(/Let me check\.\nOne moment\./);
  await expect(page.locator('[data-testid="chat-message"][data-status]')).toHaveCount(0);

  await page.getByText('Choice list', { exact: true }).click();
  await page.getByTestId('chat-choice-option').nth(0).fill('Invoice');
  await page.getByTestId('chat-choice-option').nth(1).fill('Delivery');
  await page.getByRole('button', { name: 'Send choice list' }).click();
  await expect(page.locator('[data-testid="chat-message"][data-type="choice"]')).toContainText('Invoice · Delivery');
  await sim.control('bct/chat/choice-answer', { sessionId: 'chat-b', choiceAnswer: 'Delivery' });
  await expect(page.locator('[data-testid="chat-message"][data-type="choiceAnswer"]')).toContainText('Delivery');

  await page.getByRole('button', { name: 'Request an agent (Chat)' }).click();
  await expect(page.locator('[data-testid="chat-message"][data-type="note"]').filter({ hasText: 'An agent was requested' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Leave' }).click();
  await expect(session(page, 'chat-b')).toHaveAttribute('data-state', 'ended');
  await sim.control('bct/chat/end', { sessionId: 'chat-b' });
  await expect(page.locator('[data-testid="chat-message"][data-type="note"]').filter({ hasText: 'Session ended' })).toHaveCount(1);

  const truth = await chatTruth('chat-b');
  expect(truth.transcript.map((e) => [e.by, e.what, e.properties, e.instance])).toEqual([
    ['customer', 'WebChatRequest', { sessionId: 'chat-b', initiator: 'Erika Muster', email: 'erika@example.com', router: 'Chat', language: 'de' }, undefined],
    ['agent', 'SendWebChatResponse', { sessionId: 'chat-b', name: 'Service Desk' }, 'BCT1'],
    ['customer', 'WebChatMessage', { sessionId: 'chat-b', message: 'My parcel is late.', senderName: 'Erika Muster', isSenderAgent: false, agentRequested: false, agentJoined: false }, undefined],
    ['agent', 'SendWebChatMessage', { sessionId: 'chat-b', message: 'Let me check.\nOne moment.' }, 'BCT1'],
    ['agent', 'SendWebChatChoice', { sessionId: 'chat-b', choiceOptions: 'Invoice|Delivery' }, 'BCT1'],
    ['customer', 'WebChatChoiceAnswer', { sessionId: 'chat-b', choiceAnswer: 'Delivery', senderName: 'Erika Muster' }, undefined],
    ['agent', 'RequestAgentForWebChatSession', { sessionId: 'chat-b', routerName: 'Chat' }, 'BCT1'],
    ['agent', 'LeaveWebChatSession', { sessionId: 'chat-b' }, 'BCT1'],
    ['customer', 'WebChatSessionEnded', { sessionId: 'chat-b' }, undefined],
  ]);
  // The board's conversation, message by message, is the transcript's.
  const board = (await lines(page)).filter((l) => l.type !== 'note');
  expect(board).toEqual([
    { sender: 'customer', type: 'message', status: null, text: 'My parcel is late.' },
    { sender: 'agent', type: 'message', status: null, text: 'Let me check.\nOne moment.' },
    { sender: 'agent', type: 'choice', status: null, text: 'Choice list: Invoice · Delivery' },
    { sender: 'customer', type: 'choiceAnswer', status: null, text: 'Chose: Delivery' },
  ]);
});

test('a failed send keeps its text and is retried; a reload shows the chat again and sends nothing twice', async ({ page }) => {
  await openBoard(page);
  await sim.control('bct/chat/open', { sessionId: 'chat-r', initiator: 'Rita', email: 'rita@example.com', router: 'Chat', language: 'en' });
  await session(page, 'chat-r').click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(session(page, 'chat-r')).toHaveAttribute('data-state', 'active');
  await sim.control('bct/reply', { mode: 'negative', count: 1 });
  await page.getByTestId('chat-input').fill('Your refund is on its way.');
  await page.getByRole('button', { name: 'Send' }).click();
  const failed = page.locator('[data-testid="chat-message"][data-status="failed"]');
  await expect(failed).toContainText('Your refund is on its way.');
  await expect(page.getByTestId('chat-input')).toHaveValue('');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('[data-testid="chat-message"][data-status]')).toHaveCount(0);
  await expect(page.locator('[data-testid="chat-message"][data-sender="agent"][data-type="message"] .chat-line__text')).toHaveText(['Your refund is on its way.']);
  await sim.control('bct/chat/message', { sessionId: 'chat-r', message: 'Thanks!' });
  await expect(page.getByTestId('chat-message').filter({ hasText: 'Thanks!' })).toHaveCount(1);
  const before = await chatCommands();
  expect(before.filter((c) => c.command === 'SendWebChatMessage').map((c) => c.answered)).toEqual(['negative', 'success']);

  await page.reload();
  await expect(session(page, 'chat-r')).toHaveAttribute('data-restored', 'true', { timeout: 15_000 });
  await expect(session(page, 'chat-r')).toHaveAttribute('data-state', 'active');
  await expect(page.locator('[data-testid="chat-message"][data-sender="agent"][data-type="message"] .chat-line__text')).toHaveText(['Your refund is on its way.']);
  await expect(page.getByTestId('chat-message').filter({ hasText: 'Thanks!' })).toHaveCount(1);
  // A fresh event clears the mark; the board sent nothing after the reload.
  await sim.control('bct/chat/message', { sessionId: 'chat-r', message: 'Still there?' });
  await expect(session(page, 'chat-r')).toHaveAttribute('data-restored', 'false');
  expect(await chatCommands()).toEqual(before);
  expect((await chatTruth('chat-r')).transcript.filter((e) => e.what === 'SendWebChatMessage').map((e) => e.properties['message'])).toEqual(['Your refund is on its way.']);
});

const HOSTILE = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> https://evil.example/?q=1 javascript:alert(1) \u202Eשלום عربي`;

test('a hostile string in every chat field renders as text and executes nothing', async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`dialog opened: ${d.message()}`);
  });
  await openBoard(page);
  await sim.control('bct/chat/open', { sessionId: 'chat-h', initiator: HOSTILE, email: HOSTILE, router: HOSTILE, language: HOSTILE });
  await session(page, 'chat-h').click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(session(page, 'chat-h')).toHaveAttribute('data-state', 'active');
  await sim.control('bct/chat/message', { sessionId: 'chat-h', message: HOSTILE });
  await sim.control('bct/chat/choice-answer', { sessionId: 'chat-h', choiceAnswer: HOSTILE });
  await expect(page.locator('[data-testid="chat-message"][data-type="choiceAnswer"]')).toHaveCount(1);
  const panel = page.getByTestId('chat-panel');
  await expect(panel.locator('img, script, a')).toHaveCount(0);
  await expect(page.locator('[data-testid="chat-message"][data-sender="customer"][data-type="message"] .chat-line__text')).toHaveText(HOSTILE);
  await expect(panel.locator('.chat-conv__name')).toHaveText(HOSTILE);
  await expect(panel.locator('.chat-conv__facts dd')).toHaveText([HOSTILE, HOSTILE, HOSTILE]);
  await expect(page.locator('[data-testid="chat-message"][data-sender="customer"][data-type="message"] .chat-line__text')).toHaveAttribute('dir', 'auto');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
