import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const shots = '/tmp/a11y-shots';

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  // A template's builder is fetched when it is chosen: wait for the design before editing it.
  await expect(page.getByLabel('Design name')).toHaveValue(name);
}

/** The serious and critical violations axe finds against WCAG 2.1 A and AA, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Let transitions (menus, toasts) finish, so colours are measured as they settle.
  await page.waitForTimeout(500);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1).join(' ')}`,
      ),
    );
}

type Screen = { name: string; show: (page: Page) => Promise<void> };

const SCREENS: Screen[] = [
  { name: 'empty design', show: async () => {} },
  {
    name: 'two-AZ template',
    show: async (page) => {
      await openTemplate(page, /Two AZs/);
      await expect(node(page, 'ec2Instance')).not.toHaveCount(0);
    },
  },
  {
    name: 'inspector with an instance selected',
    show: async (page) => {
      await openTemplate(page, /Two AZs/);
      await page.getByText('Web A', { exact: true }).click();
      await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    },
  },
  {
    name: 'Share menu open',
    show: async (page) => {
      await openTemplate(page, /Two AZs/);
      await page.getByRole('button', { name: 'Share' }).click();
      await expect(page.getByRole('menu', { name: 'Share' })).toBeVisible();
    },
  },
  {
    name: 'Library dialog open',
    show: async (page) => {
      await page.getByRole('button', { name: 'Library' }).click();
      await expect(page.getByRole('dialog', { name: 'Your designs' })).toBeVisible();
    },
  },
  {
    name: 'shortcut sheet open',
    show: async (page) => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
  {
    name: 'Simulation tab',
    show: async (page) => {
      await openTemplate(page, /Two AZs/);
      await page.getByRole('tab', { name: 'Simulation' }).click();
      await page.getByRole('button', { name: 'Play' }).click();
      await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
      await page.getByRole('button', { name: 'Pause' }).click();
    },
  },
  {
    name: 'Reachability with the SSH fix',
    show: async (page) => {
      await openTemplate(page, /Two AZs/);
      await page.getByRole('tab', { name: 'Reachability' }).click();
      await page.getByLabel('Port', { exact: true }).fill('22');
      await expect(page.getByRole('region', { name: /Fix: allow SSH/ })).toBeVisible();
    },
  },
];

for (const theme of ['light', 'dark'] as const)
  for (const screen of SCREENS)
    test(`axe finds no serious or critical violation: ${screen.name}, ${theme}`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('nimbus.theme', t), theme);
      await page.goto('/');
      await screen.show(page);
      await page.screenshot({ path: `${shots}/axe-${screen.name.replaceAll(' ', '-')}-${theme}.png` });
      expect(await seriousViolations(page)).toEqual([]);
    });
