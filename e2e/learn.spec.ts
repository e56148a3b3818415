import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const goal = (page: Page, text: RegExp) =>
  page.getByRole('list', { name: 'Goals' }).getByRole('listitem', { name: text });

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a student fixes the NACL lesson with the missing ephemeral-port rule, and the progress survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Design name').fill('My own design');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page.getByRole('button', { name: /Stateless ACLs, stateful groups/ }).click();
  const https = goal(page, /answers HTTPS/);
  await expect(https).toHaveAttribute('data-met', 'false');
  // The goal says why, in the reachability panel's words.
  await expect(https).toContainText('SUBNET_ACL_RESTRICTION');
  await https.getByRole('button', { name: 'Show a hint' }).click();
  await expect(https).toContainText(/outbound/i);

  // Fix: the custom ACL needs an outbound rule for the clients' ephemeral ports.
  await page.locator('.react-flow__node-networkAcl').filter({ hasText: 'web-acl' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('button', { name: 'Add outbound rule' }).click();
  const outbound = page.getByRole('table', { name: 'Outbound rules' });
  await outbound.getByLabel('Rule type').last().selectOption({ label: 'Ephemeral (1024-65535)' });
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(https).toHaveAttribute('data-met', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();

  await page.reload();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(
    page
      .getByRole('list', { name: 'Lessons' })
      .getByRole('listitem')
      .filter({ hasText: 'Stateless ACLs' })
      .getByLabel('done'),
  ).toBeVisible();
  // Opening the lesson again resumes the fixed design instead of starting a new copy.
  await page.getByRole('button', { name: /Stateless ACLs, stateful groups/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
  // The student's own design is still in the library, next to the one lesson attempt.
  await page.getByRole('button', { name: 'Library' }).click();
  const designs = page.getByRole('list', { name: 'Designs' });
  await expect(designs).toContainText('My own design');
  await expect(designs.getByRole('listitem')).toHaveCount(2);
});

test('a teacher shares a challenge file as a link and a student opens it with its goals', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  const example = /```json\n([\s\S]*?)\n```/.exec(readFileSync('docs/learn-format.md', 'utf8'))![1]!;
  const { title } = JSON.parse(example) as { title: string };
  await page.getByTestId('open-challenge-input').setInputFiles({
    name: 'challenge.json',
    mimeType: 'application/json',
    buffer: Buffer.from(example),
  });
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('button', { name: /Copy challenge link/ }).click();
  const link = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(link).toContain('#learn=n1.');

  const student = await (await browser.newContext()).newPage();
  await student.goto(link);
  await expect(student.getByRole('heading', { name: title })).toBeVisible();
  const goals = (JSON.parse(example) as { goals: unknown[] }).goals;
  await expect(student.getByRole('list', { name: 'Goals' }).getByRole('listitem')).toHaveCount(goals.length);
  await expect(student.getByRole('list', { name: 'Goals' }).locator('[data-met="false"]').first()).toBeVisible();
  await expect(student.getByLabel('Design name')).toHaveValue(`Challenge: ${title}`);

  // A damaged challenge link is explained.
  await student.goto(link.slice(0, -30));
  await student.reload();
  await expect(student.getByRole('alert')).toContainText('This link could not be opened');
});

test('lesson 3 passes by terminating the instances in the simulation, not only by deleting them', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page.getByRole('button', { name: /What a running, stopped or terminated instance costs/ }).click();
  const budget = goal(page, /costs less than \$21/);
  await expect(budget).toHaveAttribute('data-met', 'false');

  // Release the old demo address in the design (an Elastic IP bills until it is released)…
  await page.locator('.react-flow__node-elasticIp').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node-elasticIp')).toHaveCount(0);

  // …and terminate batch-1 and demo-1 in the running simulation.
  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  for (const name of ['batch-1', 'demo-1']) {
    await page
      .locator('.react-flow__node-ec2Instance')
      .filter({ hasText: name })
      .click({ position: { x: 40, y: 10 } });
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('button', { name: 'Terminate', exact: true }).click();
    await expect(page.getByTestId('inspector-sim-state')).toHaveText(/shutting-down|terminated/, { timeout: 10_000 });
  }
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(budget).toHaveAttribute('data-met', 'true', { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
  // The instances are still in the design: it was the simulation that ended them.
  await expect(page.locator('.react-flow__node-ec2Instance')).toHaveCount(3);
});
