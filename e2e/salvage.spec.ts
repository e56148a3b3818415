import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { watchConsole } from './console';
import { storedDesigns } from './storage';

type Doc = { name: string; resources: Record<string, Record<string, unknown>>; layout: Record<string, unknown> };
type Saved = Doc & { setAside?: { resources: Record<string, unknown>; layout: Record<string, unknown> } };

const loadBalancer = {
  kind: 'gatewayLoadBalancer',
  id: 'gwlb-1',
  name: 'Inspection load balancer',
  scheme: 'internal',
};

/** The two-tier example as a newer Nimbus might write it: a gateway load balancer, and Private B's cidr as a number. */
function newerTwoTier(): Doc {
  const doc = JSON.parse(readFileSync('examples/two-tier.json', 'utf8')) as Doc;
  doc.resources['gwlb-1'] = loadBalancer;
  doc.resources['subnet-4']!.cidr = 42;
  doc.layout['gwlb-1'] = { x: 900, y: 40, parentId: 'region-1' };
  return doc;
}

async function saveAsFile(page: Page): Promise<Saved> {
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as file' }).click();
  return JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as Saved;
}

const node = (page: Page, kind: string) => page.locator(`.react-flow__node-${kind}`);
const setAsideNotice = (page: Page) =>
  page.getByRole('status').filter({ hasText: "this version of Nimbus can't read" });

test('a design file with an unknown kind and an invalid resource opens with the rest, says so, and saves them back', async ({
  page,
}) => {
  const problems = watchConsole(page);
  const doc = newerTwoTier();
  await page.goto('/');
  await page
    .getByTestId('open-design-input')
    .setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });

  await expect(page.getByLabel('Design name')).toHaveValue(doc.name);
  const notice = setAsideNotice(page);
  await expect(notice).toContainText(
    "Set aside 2 resources this version of Nimbus can't read; the rest opened as usual. They are kept in the design and saved with it.",
  );
  await expect(notice.getByRole('listitem')).toHaveText([
    'subnet-4: cidr: Invalid input: expected string, received number',
    'gwlb-1: kind "gatewayLoadBalancer" is not one Nimbus knows',
  ]);
  // Everything else is on the canvas and usable; the set-aside subnet is not drawn.
  for (const name of ['Web A', 'App A', 'Web B', 'App B'])
    await expect(node(page, 'ec2Instance').filter({ hasText: name })).toHaveCount(1);
  await expect(node(page, 'subnet').filter({ hasText: 'Public B' })).toHaveCount(1);
  await expect(node(page, 'subnet').filter({ hasText: 'Private B' })).toHaveCount(0);
  await page.getByText('Web A', { exact: true }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Web A');
  await page.screenshot({ path: '/tmp/salvage.png' });

  const saved = await saveAsFile(page);
  expect(JSON.stringify(saved.setAside?.resources['gwlb-1'])).toBe(JSON.stringify(doc.resources['gwlb-1']));
  expect(JSON.stringify(saved.setAside?.resources['subnet-4'])).toBe(JSON.stringify(doc.resources['subnet-4']));
  expect(saved.setAside?.layout['gwlb-1']).toEqual(doc.layout['gwlb-1']);
  // The example is a version-1 file: the upgrade adds the (absent) public address field, nothing else.
  expect(saved.resources['i-4']).toEqual({ ...doc.resources['i-4'], publicIpAddress: null });

  // The library keeps them too: after a reload the design reopens, set-aside resources and notice included.
  await expect.poll(() => storedDesigns(page).then((text) => text.includes('"gatewayLoadBalancer"'))).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue(doc.name);
  await expect(setAsideNotice(page)).toContainText('Set aside 2 resources');
  expect(problems).toEqual([]);
});

test('a #d= link with a resource of an unknown kind opens, names it as plain text, and keeps it', async ({ page }) => {
  const problems = watchConsole(page);
  const doc = JSON.parse(readFileSync('examples/two-tier.json', 'utf8')) as Doc;
  const hostileId = '<img src=x onerror="window.__injected=1">';
  doc.resources[hostileId] = { kind: 'vpcLattice<b>', id: hostileId, name: 'Service network' };
  const snapshot = Buffer.from(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 })).toString('base64url');
  await page.goto('/');
  await page.goto(`/#d=n1.${snapshot}`);

  await expect(page.getByLabel('Design name')).toHaveValue(doc.name);
  await expect(setAsideNotice(page).getByRole('listitem')).toHaveText([
    `${hostileId}: kind "vpcLattice<b>" is not one Nimbus knows`,
  ]);
  expect(await page.evaluate('window.__injected')).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(node(page, 'ec2Instance')).toHaveCount(4);

  const saved = await saveAsFile(page);
  expect(saved.setAside?.resources[hostileId]).toEqual(doc.resources[hostileId]);
  expect(problems).toEqual([]);
});
