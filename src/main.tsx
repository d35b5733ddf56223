import { boot } from './app/boot';

/** Entry point (index.html → /src/main.tsx). */
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// `?probe=1`: the browser benchmark's probe (src/lib/perf-probe.ts), loaded on demand so the
// normal bundle does not contain it, and installed before the connectors open their sockets.
const probe = new URLSearchParams(location.search).get('probe') === '1';
const ready = probe ? import('./lib/perf-probe').then((m) => void m.installPerfProbe()) : Promise.resolve();
void ready.then(() => boot(container));
