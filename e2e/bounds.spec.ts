import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';

type Doc = { name: string; resources: Record<string, Record<string, unknown>>; layout: Record<string, unknown> };

const service = (id: string, name: string, desiredCount: number, maxTasks: number) => ({
  kind: 'ecsService',
  id,
  name,
  clusterId: 'ecs-1',
  launchType: 'FARGATE',
  taskCpu: 256,
  taskMemory: 512,
  desiredCount,
  subnetIds: [],
  securityGroupIds: [],
  requestsPerSecond: 1,
  load: { shape: 'constant' },
  scaling: { targetRequestsPerTask: 1e-9, minTasks: 1, maxTasks },
});

/** The two-tier example with a service of 100,000,000 tasks, one at the quota (5,000), and an instance drawn at x = 1e308. */
function oversized(): Doc {
  const doc = JSON.parse(readFileSync('examples/two-tier.json', 'utf8')) as Doc;
  doc.resources['ecs-1'] = { kind: 'ecsCluster', id: 'ecs-1', name: 'cluster', regionId: 'region-1' };
  doc.resources['ecssvc-1'] = service('ecssvc-1', 'huge', 100_000_000, 2e9);
  doc.resources['ecssvc-2'] = service('ecssvc-2', 'fleet', 1, 5000);
  doc.layout['i-1'] = { x: 1e308, y: 40, parentId: 'subnet-1' };
  return doc;
}

test('a link asking for 100,000,000 tasks and x = 1e308 opens with those set aside, and Play runs 5,000 tasks', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const doc = oversized();
  const snapshot = Buffer.from(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 })).toString('base64url');
  await page.goto('/');
  await page.goto(`/#d=n1.${snapshot}`);

  await expect(page.getByLabel('Design name')).toHaveValue(doc.name);
  const notice = page.getByRole('status').filter({ hasText: "this version of Nimbus can't read" });
  await expect(notice.getByRole('listitem')).toHaveText([
    "i-1: layout x: must be at most 1,000,000 (Nimbus's canvas extent)",
    'ecssvc-1: desiredCount: must be at most 5,000 (Amazon ECS quota "Tasks per service")',
  ]);

  // Ten-second steps, so the check doesn't depend on how busy the machine is: target tracking takes the
  // fleet to its maximum at the first second, and every task runs within 45 s.
  const toolbar = page.getByRole('toolbar', { name: 'Simulation' });
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const time = toolbar.getByLabel('Simulated time');
  for (const shown of ['00:00:10', '00:00:20', '00:00:30', '00:00:40', '00:00:50', '00:01:00']) {
    await toolbar.getByRole('button', { name: 'Step 10 s' }).click();
    await expect(time).toHaveText(shown);
  }
  await expect(page.getByRole('region', { name: 'Containers' }).filter({ hasText: 'ECS services' })).toContainText(
    'fleet (Fargate): 5000 of 5000 tasks running',
  );
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText('tasks of fleet are running on Fargate.');
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(time).not.toHaveText('00:01:00');
  expect(problems).toEqual([]);
});

test('typing more tasks than ECS allows stops at the quota, and the service stays in the design', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Containers on Fargate/ }).click();
  await page.locator('.react-flow__node-ecsService').first().click();
  const desired = page.getByLabel('Desired tasks');
  await desired.fill('60000');
  await expect(desired).toHaveValue('5000');
  await expect(page.getByText('Amazon ECS quota "Tasks per service"')).toBeVisible();
  await expect(page.locator('.react-flow__node-ecsService').first()).toContainText('5000 tasks');
  await expect(page.getByText(/Set aside/)).toHaveCount(0);
});

test('a network ACL at its quota of numbered rules takes no more, and says which quota', async ({ page }) => {
  const doc = JSON.parse(readFileSync('examples/two-tier.json', 'utf8')) as Doc;
  const rules = Array.from({ length: 39 }, (_, i) => ({
    ruleNumber: 100 + i,
    protocol: 'tcp',
    ports: { from: 1000 + i, to: 1000 + i },
    cidr: '0.0.0.0/0',
    action: 'allow',
  }));
  doc.resources['acl-capped'] = {
    kind: 'networkAcl',
    id: 'acl-capped',
    name: 'capped',
    vpcId: 'vpc-1',
    isDefault: false,
    inbound: rules,
    outbound: [],
    subnetIds: [],
  };
  await page.addInitScript(`localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(doc))});`);
  await page.goto('/');
  // The node carries a problem marker; open it from the Problems panel as a student would.
  await page.getByRole('tab', { name: /Problems/ }).click();
  await page.getByRole('list', { name: 'Problems' }).getByText('capped has 39 inbound rules').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const add = page.getByRole('button', { name: 'Add inbound rule' });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAttribute('title', /At most 39 here \(Amazon VPC quota "Rules per network ACL"/);
  await expect(page.getByRole('button', { name: 'Add outbound rule' })).toBeEnabled();
});
