import { expect, test } from '@playwright/test';
import { generateDesign } from '../bench/generate';

/**
 * Rules where they act: association edges (route table or ACL with a subnet, security group with a
 * member) are not drawn by default; hovering a rule chip draws that rule set's, and leaving it
 * takes them away again.
 */

test.use({ viewport: { width: 1440, height: 900 } });

test("hovering a security group's chip draws its association edges, and only then", async ({ page }) => {
  const design = generateDesign(50);
  await page.addInitScript(`localStorage.setItem('nimbus.design', ${JSON.stringify(JSON.stringify(design))});`);
  await page.goto('/');
  await expect(page.locator('.react-flow__node-ec2Instance').first()).toBeVisible();

  const associations = page.locator('[data-testid^="rf__edge-association:"]');
  await expect(associations).toHaveCount(0);

  const chip = page.locator('button[data-chip-kind="securityGroup"]').first();
  await chip.hover();
  await expect(page.getByRole('tooltip')).toHaveCount(1);
  const groupId = (await chip.getAttribute('data-chip-id'))!;
  await expect(associations.first()).toBeAttached();
  // Every drawn association is the hovered group's.
  for (const id of await associations.evaluateAll((edges) => edges.map((e) => e.getAttribute('data-testid')))) {
    expect(id).toContain(`->${groupId}:`);
  }

  await page.mouse.move(5, 450);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(associations).toHaveCount(0);
});
