import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { watchConsole } from './console';

const plan = readFileSync('src/share/terraform/fixtures/two-az-plan.json');

test('a Terraform plan JSON opens through Open and its VPC, subnets and instances are drawn', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await page
    .getByTestId('open-design-input')
    .setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: plan });

  // The plan's VPC over two zones, its four subnets, two NAT gateways and three instances (one counted pair).
  await expect(page.locator('.react-flow__node-vpc')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-vpc')).toContainText('Shop VPC');
  await expect(page.locator('.react-flow__node-subnet')).toHaveCount(4);
  await expect(page.locator('.react-flow__node-natGateway')).toHaveCount(2);
  await expect(page.locator('.react-flow__node-ec2Instance')).toHaveCount(3);
  await expect(page.locator('.react-flow__node-ec2Instance').first()).toContainText('Web');
  // The import note names what Nimbus does not model.
  await expect(page.getByText(/aws_sqs_queue × 2/)).toBeVisible();
  // Addresses the plan knows only after apply are Nimbus's choice, said so, and not reported as invalid.
  await expect(
    page.getByText(/aws_instance\.app\[0\]\.private_ip: assigned at launch; Nimbus picked 10\.0\.10\.4/),
  ).toBeVisible();
  await expect(page.getByText(/the private IP is not valid/)).toHaveCount(0);
  expect(problems).toEqual([]);
});
