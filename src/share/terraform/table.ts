import type { Design } from '../../domain/design';
import type { KindMappings } from './context';
import { createMappings } from './mapping';

/** The CIDR blocks of a VPC, whose `local` routes AWS adds to each of its tables. */
const vpcCidrsIn =
  (resources: Record<string, unknown>) =>
  (vpcId: string): string[] => {
    const vpc = Object.hasOwn(resources, vpcId)
      ? (resources[vpcId] as { kind?: string; cidr?: string; secondaryCidrs?: string[] })
      : undefined;
    return vpc?.kind === 'vpc' && vpc.cidr ? [vpc.cidr, ...(vpc.secondaryCidrs ?? [])] : [];
  };

/** The mapping table for writing a design. */
export const mappingsFor = (design: Design): KindMappings => createMappings(vpcCidrsIn(design.resources));

/** The mapping table for reading, with the VPCs read so far. */
export const mappingsReading = (resources: Record<string, unknown>): KindMappings =>
  createMappings(vpcCidrsIn(resources));

/** The table as data, for the docs and the schema check: kind → Terraform types. */
export const TERRAFORM_TYPES_BY_KIND = createMappings(() => []);
