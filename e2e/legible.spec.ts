import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';
import { lessonCount, openLesson } from './lessonStarts';
import { openTemplatesMenu } from './templateMenu';

/**
 * Legible at fit view (issue 19): for every template, opened at 1440×900 and
 * fitted, every resource name is drawn at 11 px or more on screen, and every
 * piece of text cut short (wider or taller than its box) has a tooltip giving
 * it whole, on itself or on an element around it within its node.
 */

test.use({ viewport: { width: 1440, height: 900 } });

/** The nodes once two readings a moment apart agree (fit view runs after layout settles). */
async function settle(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() =>
          JSON.stringify([
            document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform,
            document.querySelectorAll('.react-flow__node').length,
          ]),
        );
        const same = now === last && !now.includes(',0]');
        last = now;
        return same;
      },
      { intervals: [200, 200, 300, 500] },
    )
    .toBe(true);
}

interface Reading {
  names: Array<{ node: string; text: string; screenPx: number }>;
  /**
   * Shelf pills drawn as their icon alone (too far for their name at 11 px, as rule chips are): each must
   * still be named, by its text (kept unseen for screen readers) giving its resource's name, and have a tooltip
   * (a `title`, or the canvas's rule tooltip, which names the rule set, marked `data-tooltip`).
   */
  iconOnly: Array<{ node: string; named: boolean }>;
  clippedWithoutTooltip: string[];
  zoom: number;
}

function read(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const names = [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-testid="node-name"]')].map(
      (el) => ({
        node: el.closest<HTMLElement>('.react-flow__node')!.dataset.id!,
        text: el.textContent ?? '',
        screenPx: parseFloat(getComputedStyle(el).fontSize) * zoom,
      }),
    );
    const iconOnly = [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-icon-only="true"]')].map(
      (el) => {
        const name = el.dataset.name ?? '';
        return {
          node: el.closest<HTMLElement>('.react-flow__node')!.dataset.id!,
          named:
            name.length > 0 &&
            (el.textContent ?? '').includes(name) &&
            ((el.getAttribute('title') ?? '').includes(name) || el.hasAttribute('data-tooltip')),
        };
      },
    );
    const clippedWithoutTooltip: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *')) {
      const text = el.textContent?.trim();
      // Text for screen readers only is not drawn, so not cut short.
      if (!text || el.classList.contains('sr-only')) continue;
      const clipped = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      const style = getComputedStyle(el);
      if (!clipped || (style.overflowX === 'visible' && style.overflowY === 'visible')) continue;
      // A tooltip on the element, or on one around it inside the node (a card's tooltip lists all its facts).
      let covered = false;
      for (
        let tip: HTMLElement | null = el;
        tip && !tip.classList.contains('react-flow__node');
        tip = tip.parentElement
      )
        // A rule chip's Radix tooltip says its whole name (`data-tooltip`); elsewhere a `title` does.
        if (tip.getAttribute('title')?.trim() || tip.hasAttribute('data-tooltip')) covered = true;
      if (!covered)
        clippedWithoutTooltip.push(`${el.closest<HTMLElement>('.react-flow__node')!.dataset.id}: "${text}"`);
    }
    return { names, iconOnly, clippedWithoutTooltip, zoom };
  });
}

/** A folder to save a screenshot of each template at fit view into, for a look by eye. */
const shots = process.env.LEGIBLE_SHOTS;

test('every template at fit view: names at 11 px or more on screen, nothing cut short without a tooltip', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await page.goto('/');
  const count = await (await openTemplatesMenu(page)).count();
  await page.keyboard.press('Escape');
  for (let index = 0; index < count; index++) {
    await page.getByRole('button', { name: 'Templates' }).click();
    const item = page.getByRole('menuitem').nth(index);
    const template = (await item.innerText()).split('\n')[0]!;
    await item.click();
    await expectLegible(page, template, `template-${index + 1}`);
  }
  expect(problems).toEqual([]);
});

test("every lesson's starting design at fit view: names at 11 px or more, nothing cut short without a tooltip", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await page.goto('/');
  const count = await lessonCount(page);
  expect(count).toBeGreaterThanOrEqual(17);
  for (let index = 0; index < count; index++) {
    const lesson = await openLesson(page, index);
    await expectLegible(page, lesson, `lesson-${index + 1}`);
  }
  expect(problems).toEqual([]);
});

/** The design on screen, once fitted, has every name drawn at 11 px or more and nothing cut without a tooltip. */
async function expectLegible(page: Page, design: string, shot: string): Promise<void> {
  await settle(page);
  if (shots) await page.screenshot({ path: `${shots}/${shot}.png` });
  const { names, iconOnly, clippedWithoutTooltip, zoom } = await read(page);
  // Near (zoom 0.76 and up, canvas/nodes/zoom.ts) every name has room to be drawn at 11 px: no pill is its icon alone.
  if (zoom >= 0.76)
    expect(
      iconOnly.map((pill) => pill.node),
      `${design}: icon-only pills at zoom ${zoom}`,
    ).toEqual([]);
  expect(names.length, `${design}: names drawn`).toBeGreaterThan(0);
  const nodes = await page.locator('.react-flow__node').count();
  expect(names.length + iconOnly.length, `${design}: every node shows its name`).toBe(nodes);
  expect(
    iconOnly.filter((pill) => !pill.named).map((pill) => pill.node),
    `${design}: icon-only pills without their name as accessible name and tooltip`,
  ).toEqual([]);
  const small = names.filter((n) => n.screenPx < 11).map((n) => `${n.text} at ${n.screenPx.toFixed(1)} px`);
  expect(small, `${design}: names under 11 px on screen`).toEqual([]);
  expect(clippedWithoutTooltip, `${design}: text cut short without a tooltip`).toEqual([]);
}
