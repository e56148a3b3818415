/**
 * Regions and their Availability Zones offered in the palette.
 * Source: AWS "Regions and Availability Zones" (docs.aws.amazon.com/global-infrastructure/), November 2026.
 */
export interface RegionInfo {
  code: string;
  name: string;
  zones: readonly string[];
}

export const REGIONS: readonly RegionInfo[] = [
  {
    code: 'us-east-1',
    name: 'US East (N. Virginia)',
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
  },
  { code: 'us-west-2', name: 'US West (Oregon)', zones: ['us-west-2a', 'us-west-2b', 'us-west-2c', 'us-west-2d'] },
  { code: 'eu-west-1', name: 'Europe (Ireland)', zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)', zones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'] },
  {
    code: 'ap-northeast-2',
    name: 'Asia Pacific (Seoul)',
    zones: ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c', 'ap-northeast-2d'],
  },
  {
    code: 'ap-northeast-1',
    name: 'Asia Pacific (Tokyo)',
    zones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
  },
];

export function findRegion(code: string): RegionInfo | undefined {
  return REGIONS.find((region) => region.code === code);
}
