import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './console';

async function openTemplate(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  // A template's builder is fetched when it is chosen: wait for the design before editing it.
  await expect(page.getByLabel('Design name')).toHaveValue(name);
}

/** The open design as Save as file writes it. */
async function savedDesign(page: Page): Promise<unknown> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as file' }).click();
  return JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
}

test('Share → Export as CloudFormation downloads a YAML template that Open brings back as the same design', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  await expect(page.getByLabel('Design name')).toHaveValue(/Two AZs/);
  const before = await savedDesign(page);

  await page.getByRole('button', { name: 'Share' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export as CloudFormation (YAML)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.yaml$/);
  const yaml = readFileSync((await file.path())!, 'utf8');
  expect(yaml).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"/);
  expect(yaml).toContain('Type: AWS::EC2::NatGateway');
  expect(yaml).toContain('!Ref ');

  await page
    .getByTestId('open-design-input')
    .setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
  await expect(
    page.getByText(/^Imported from CloudFormation \(YAML\): \d+ resources\. It is a new design/),
  ).toBeVisible();
  expect(await savedDesign(page)).toEqual(before);
  expect(problems).toEqual([]);
});

test('a file that is no template says so, and the open design stays as it was', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, /Two AZs/);
  const before = await savedDesign(page);
  await page.getByTestId('open-design-input').setInputFiles({
    name: 'notes.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('shopping: [eggs, milk]\n'),
  });
  await expect(
    page.getByText('notes.yaml is not a CloudFormation template or Terraform file Nimbus reads.'),
  ).toBeVisible();
  await page.getByTestId('open-design-input').setInputFiles({
    name: 'broken.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Nowhere }\n',
    ),
  });
  await expect(page.getByText('broken.yaml could not be imported. Your current design is unchanged.')).toBeVisible();
  await expect(
    page.getByText('broken.yaml: !Ref Nowhere names no parameter or resource of the template'),
  ).toBeVisible();
  expect(await savedDesign(page)).toEqual(before);
});

test('a hand-written template opens with its note: what Nimbus does not model, with counts', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-design-input').setInputFiles({
    name: 'two-az-vpc.yaml',
    mimeType: 'application/yaml',
    buffer: readFileSync('src/share/cloudformation/fixtures/two-az-vpc.yaml'),
  });
  await expect(
    page.getByText(
      /^Imported from CloudFormation \(YAML\): \d+ resources; not modelled: AWS::SNS::Topic × 1, AWS::SQS::Queue × 2\./,
    ),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node-natGateway')).toHaveCount(2);
  await expect(page.locator('.react-flow__node-ec2Instance')).toHaveCount(3);
});
