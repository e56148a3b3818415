import type { Page } from '@playwright/test';

/** Every design the library keeps in this browser, as stored text (for "was it saved?" checks). */
export const storedDesigns = (page: Page): Promise<string> =>
  page.evaluate(`Object.keys(localStorage)
    .filter((key) => key.startsWith('nimbus.library.design.'))
    .map((key) => localStorage.getItem(key))
    .join('\\n')`);
