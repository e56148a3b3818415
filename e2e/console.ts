import type { Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions, for tests that expect a clean console. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
