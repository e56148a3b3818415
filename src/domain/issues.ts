import type { z } from 'zod';

/** `resources.subnet-1.cidr: expected a string`: the path first, so people can find the spot. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'invalid_union' && path.endsWith('kind')) message = 'is not a resource kind Nimbus knows';
    return path ? `${path}: ${message}` : message;
  });
}
