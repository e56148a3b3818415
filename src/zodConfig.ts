import { z } from 'zod';

/**
 * The page's Content-Security-Policy allows no `eval`, so zod parses without
 * compiling parsers with `new Function` (its probe for that would itself be
 * reported as a policy violation). Imported first by main.tsx.
 */
z.config({ jitless: true });
