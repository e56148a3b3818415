import { describe, expect, it } from 'vitest';
import { launchRefusal } from './ec2Instance';

/**
 * RunInstances refuses an AMI whose architecture is not the instance type's
 * with InvalidParameterValue, in these words (as the EC2 API returns them; the
 * Amazon EC2 User Guide, "Amazon EC2 instance types", lists each type's
 * architecture, and AWS Graviton types are arm64). Windows AMIs are x86_64
 * only, so Windows on a Graviton type gets the same answer, not a message of
 * Nimbus's own.
 */
const AWS_WORDS = (type: string, ami: string) =>
  `The architecture '${type}' of the specified instance type does not match the architecture '${ami}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`;

const WINDOWS_SERVER_2025 = 'ami-0a1b2c3d4e5f60004';

describe('launchRefusal, in the words of RunInstances', () => {
  it('refuses Windows on a Graviton type with the architecture-mismatch text', () => {
    expect(launchRefusal({ amiId: WINDOWS_SERVER_2025, instanceType: 't4g.micro' })).toEqual({
      code: 'InvalidParameterValue',
      message: AWS_WORDS('arm64', 'x86_64'),
      hint: 'Windows runs on x86_64 only, and t4g.micro is a Graviton (arm64) type: choose an x86_64 type such as t3 or m7i.',
    });
  });

  it('accepts Windows on an x86_64 type', () => {
    expect(launchRefusal({ amiId: WINDOWS_SERVER_2025, instanceType: 't3.micro' })).toBeNull();
  });
});
