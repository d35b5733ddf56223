/**
 * The app's one schema library entry: `zod/mini` (zod 4's functional, tree-shakable API),
 * with zod's English messages installed. Every schema in `src/` imports `z` from here,
 * never classic `'zod'` (lint rule in `eslint.config.js`; docs/PERFORMANCE.md "Kiosk
 * bundle budget": classic zod cost about 26 kB gzip of the kiosk entry).
 *
 * Why the locale: `zod/mini` loads no locale, so every issue's `message` would read only
 * "Invalid input". With the English locale the messages are the ones classic zod gives
 * (e.g. `Invalid input: expected number, received string`, `Too small: expected array to
 * have >=1 items`, `Unrecognized key: "avaya"`), which the configuration error page
 * (`path: message`) and the `invalid-event` reasons show. Messages are built at parse
 * time, so importing this module before any parse is enough (every schema module does).
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());
/**
 * No eval: in a browser zod never compiles parsers with `new Function`. The deployment's CSP
 * has no 'unsafe-eval' (csp.config.ts), so the compiled path could not run there anyway, and
 * zod's probe for it (`new Function("")`) would be reported as a CSP violation on every
 * page. Node (tests, benchmarks) keeps the compiled path.
 */
if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
