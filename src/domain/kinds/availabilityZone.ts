export type { AvailabilityZone } from './availabilityZone.schema';
