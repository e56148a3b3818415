import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

// A student walks a lesson twice and a teacher grades a class: longer than one ordinary test.
test.describe.configure({ timeout: 120_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const goal = (page: Page, text: RegExp) =>
  page.getByRole('list', { name: 'Goals' }).getByRole('listitem', { name: text });

async function copySubmission(page: Page, name: string): Promise<string> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Copy submission link' }).click();
  await expect(page.getByText('Submission link copied').first()).toBeVisible();
  const link = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(link).toContain('#s=n1.');
  return link;
}

/** What a student could do by hand: decode their own link, raise the claimed score, encode it again. */
function tamper(link: string, student: string): string {
  const [base, snapshot] = link.split('#s=') as [string, string];
  const bytes = Buffer.from(snapshot.slice(3).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const submission = JSON.parse(strFromU8(inflateSync(new Uint8Array(bytes)))) as Record<string, unknown>;
  submission.student = student;
  submission.claimed = { percent: 100, met: ['web-serves-https', 'ssh-stays-closed'] };
  const packed = Buffer.from(deflateSync(strToU8(JSON.stringify(submission)), { level: 9 }))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `${base}#s=n1.${packed}`;
}

/** Serious and critical WCAG 2.1 A/AA violations on the screen as it is, one line each. */
async function seriousViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) axe = axe.exclude(selector);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

async function teacherPage(browser: Browser, theme: 'light' | 'dark'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
  return page;
}

test('a student submits a partial and a complete attempt; the teacher’s class view grades them with the engines, flags a tampered claim, and downloads the CSV', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page.getByRole('button', { name: /Stateless ACLs, stateful groups/ }).click();
  // Live score: the guard goal (weight 1) is met, the main goal (weight 3) is not.
  // The first check fetches the goal checks into the worker: on a loaded machine that takes a while.
  await expect(page.getByRole('progressbar', { name: 'Score' })).toHaveAttribute('aria-valuenow', '25', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('live-score')).toContainText('Score: 25% (1 of 4 points)');
  await expect(goal(page, /answers HTTPS/)).toContainText('web-acl');
  await page.screenshot({ path: 'test-results/grading-live-score-light.png' });
  const partial = await copySubmission(page, 'Pat Partial');

  // The fix, as in the NACL lesson: an outbound rule for the clients' ephemeral ports.
  await page.locator('.react-flow__node-networkAcl').filter({ hasText: 'web-acl' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('button', { name: 'Add outbound rule' }).click();
  await page
    .getByRole('table', { name: 'Outbound rules' })
    .getByLabel('Rule type')
    .last()
    .selectOption({ label: 'Ephemeral (1024-65535)' });
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByRole('progressbar', { name: 'Score' })).toHaveAttribute('aria-valuenow', '100', {
    timeout: 20_000,
  });
  // The name is remembered on this device.
  await page.reload();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Pat Partial');
  const complete = await copySubmission(page, 'Lovelace, "Ada"');
  const tampered = tamper(partial, '=Tom <b>Tampered</b>');

  const teacher = await teacherPage(browser, 'light');
  await teacher.goto('/');
  await teacher.getByRole('tab', { name: 'Learn' }).click();
  await teacher.getByRole('button', { name: 'Class view…' }).click();
  const dialog = teacher.getByRole('dialog', { name: 'Class view' });
  await dialog
    .getByLabel('Submission links')
    .fill([complete, partial, tampered, `${partial.slice(0, -40)}`].join('\n'));
  await dialog.getByRole('button', { name: 'Grade the links' }).click();
  const rows = dialog.getByTestId('class-row');
  await expect(rows).toHaveCount(4, { timeout: 30_000 });
  await expect(rows.nth(0)).toContainText('Lovelace, "Ada"');
  await expect(rows.nth(0).getByTestId('earned')).toHaveText('100%');
  await expect(rows.nth(1).getByTestId('earned')).toHaveText('25%');
  await expect(rows.nth(1).getByTestId('mismatch')).toHaveCount(0);
  // The tampered one: its name is text, its claim is flagged, and the grade is what the design earns.
  await expect(rows.nth(2)).toContainText('=Tom <b>Tampered</b>');
  await expect(rows.nth(2).getByTestId('earned')).toHaveText('25%');
  await expect(rows.nth(2).getByTestId('mismatch')).toContainText(
    'claimed 100%, earns 25%: the claim does not match the design',
  );
  await expect(rows.nth(3)).toContainText(/line 4: .*(incomplete|damaged)/);
  await teacher.screenshot({ path: 'test-results/grading-class-light.png' });
  expect(await seriousViolations(teacher)).toEqual([]);

  const [download] = await Promise.all([
    teacher.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('class-grades.csv');
  const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toContain('Student,Lesson,Lesson fingerprint,Submitted,Earned %,Claimed %,Claim matches design');
  expect(csv[1]).toMatch(/^"Lovelace, ""Ada""",.*,100,100,yes,met,met,$/);
  expect(csv[2]).toMatch(/^Pat Partial,.*,25,25,yes,not met,met,$/);
  expect(csv[3]).toMatch(/^'=Tom <b>Tampered<\/b>,.*,25,100,no,not met,met,"claimed 100%, earns 25%/);
  expect(csv[4]).toMatch(/line 4:/);

  // Opening the tampered link alone: the design read-only, the earned grade, the claim called out.
  const reviewer = await teacherPage(browser, 'dark');
  await reviewer.goto(tampered);
  await expect(reviewer.getByRole('heading', { name: '=Tom <b>Tampered</b>' })).toBeVisible({ timeout: 30_000 });
  await expect(reviewer.getByRole('progressbar', { name: 'Earned' })).toHaveAttribute('aria-valuenow', '25');
  await expect(reviewer.getByRole('alert').filter({ hasText: 'Claimed 100%' })).toContainText(
    'Claimed 100%, earns 25%: the claim does not match the design',
  );
  await expect(reviewer.locator('.react-flow__node-networkAcl').filter({ hasText: 'web-acl' })).toHaveCount(1);
  await reviewer.screenshot({ path: 'test-results/grading-review-dark.png' });
  // The view-only bar's "Make a copy" is in this screen too: it failed contrast as white on amber-600.
  expect(await seriousViolations(reviewer)).toEqual([]);
  await reviewer.getByRole('button', { name: 'Class view' }).click();
  const darkDialog = reviewer.getByRole('dialog', { name: 'Class view' });
  await darkDialog.getByLabel('Submission links').fill([complete, tampered].join('\n'));
  await darkDialog.getByRole('button', { name: 'Grade the links' }).click();
  await expect(darkDialog.getByTestId('class-row')).toHaveCount(2, { timeout: 30_000 });
  await reviewer.screenshot({ path: 'test-results/grading-class-dark.png' });
  expect(await seriousViolations(reviewer)).toEqual([]);

  // The student's panel in dark.
  await page.evaluate(() => localStorage.setItem('nimbus.theme', 'dark'));
  await page.reload();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByRole('progressbar', { name: 'Score' })).toHaveAttribute('aria-valuenow', '100', {
    timeout: 20_000,
  });
  await page.screenshot({ path: 'test-results/grading-live-score-dark.png' });
  expect(await seriousViolations(page)).toEqual([]);
});
