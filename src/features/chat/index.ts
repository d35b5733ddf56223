export { ChatWaitingCount } from './ChatWaitingCount';
export { LazyChatPanel } from './LazyChatPanel';
