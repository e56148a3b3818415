import type { z } from 'zod';
import { DesignSchema, type Design } from './design';
import { migrateToCurrent } from './migrations';

export type ParseResult = { ok: true; design: Design } | { ok: false; errors: string[] };

/** `resources.subnet-1.cidr: expected a string` — the path first, so people can find the spot. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'invalid_union' && path.endsWith('kind')) message = 'is not a resource kind Nimbus knows';
    return path ? `${path}: ${message}` : message;
  });
}

/**
 * The one way outside data (files, URLs, storage, CLI args) becomes a design:
 * migrate old versions, then validate the shape. Never throws.
 */
export function parseDesign(input: unknown): ParseResult {
  const migrated = migrateToCurrent(input);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const result = DesignSchema.safeParse(migrated.doc);
  if (!result.success) return { ok: false, errors: formatIssues(result.error.issues) };
  return { ok: true, design: result.data };
}

/** Parses JSON text into a design, with a readable error for text that is not JSON. */
export function parseDesignJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`not valid JSON (${detail})`] };
  }
  return parseDesign(data);
}
