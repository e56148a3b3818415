import { describe, expect, it } from 'vitest';
import { preservesClientIp } from './targetGroup';
import { TargetGroupSchema } from './targetGroup.schema';

const group = (extra: Record<string, unknown>) =>
  TargetGroupSchema.parse({ kind: 'targetGroup', id: 'tg-1', name: 'tg', vpcId: 'vpc-1', ...extra });

describe('client IP preservation by default (NLB guide, "Client IP preservation")', () => {
  it('on for instance targets, off for ip targets over TCP and TLS, always on for UDP and TCP_UDP', () => {
    expect(preservesClientIp(group({ targetType: 'instance', protocol: 'TCP' }))).toBe(true);
    expect(preservesClientIp(group({ targetType: 'ip', protocol: 'TCP' }))).toBe(false);
    expect(preservesClientIp(group({ targetType: 'ip', protocol: 'TLS', preserveClientIp: null }))).toBe(false);
    expect(preservesClientIp(group({ targetType: 'ip', protocol: 'UDP' }))).toBe(true);
    expect(preservesClientIp(group({ targetType: 'ip', protocol: 'TCP_UDP', preserveClientIp: false }))).toBe(true);
  });

  it('the attribute decides for TCP and TLS', () => {
    expect(preservesClientIp(group({ targetType: 'ip', protocol: 'TCP', preserveClientIp: true }))).toBe(true);
    expect(preservesClientIp(group({ targetType: 'instance', protocol: 'TCP', preserveClientIp: false }))).toBe(false);
  });

  it('a group without the attribute parses without it (designs saved before it load unchanged)', () => {
    expect('preserveClientIp' in group({})).toBe(false);
  });
});
