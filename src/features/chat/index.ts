export { ChatPanel, ChatWaitingCount } from './ChatPanel';
