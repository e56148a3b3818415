import { z } from 'zod';

/**
 * The page's Content-Security-Policy allows no `eval`, so zod parses without
 * compiling parsers with `new Function` (its probe for that would itself be
 * reported as a policy violation). It shares zod's chunk (vite.config.ts), so it runs before any
 * schema is built, in whichever chunk the schemas are.
 */
// Only where a page's policy applies: the analysis worker, the CLI and the tests keep zod's compiled
// parsers (src/domain imports this too, so that it runs before the schemas in whichever chunk holds them).
if (typeof document !== 'undefined') z.config({ jitless: true });
