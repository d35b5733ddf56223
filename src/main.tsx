import { boot } from './app/boot';

/** Entry point (index.html → /src/main.tsx). */
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
void boot(container);
