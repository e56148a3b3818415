import { parseCidr, usableCount } from '../net';

/** "65,531 usable" for a CIDR, or why it isn't one. */
export const usableText = (text: string): string => {
  const parsed = parseCidr(text);
  return parsed.ok ? `${usableCount(parsed.value).toLocaleString('en-US')} usable` : 'invalid CIDR';
};
