import type { Design, Resource } from '../domain';
import type { HaData } from './awsSchemasHa';

/** What the high-availability importers read and write: the base importer's data, design so far and notes. */
export interface HaImportHooks {
  data: HaData & {
    NetworkInterfaces: Array<{
      NetworkInterfaceId: string;
      Description?: string | undefined;
      PrivateIpAddress?: string | undefined;
      SubnetId?: string | undefined;
    }>;
    Reservations: Array<{
      Instances: Array<{ InstanceId: string; ImageId?: string | undefined; InstanceType: string }>;
    }>;
  };
  /** The design so far (read only; `add` writes). */
  design: Design;
  add(resource: Resource): void;
  known(id: string | undefined): id is string;
  /** The region resource id of a VPC, and of files that say none. */
  regionIdOfVpc(vpcId: string | undefined): string;
  notes: string[];
}

/** The same record listed in several accounts' folders counts once. */
export function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
