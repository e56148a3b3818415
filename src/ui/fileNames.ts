/** A file-name-safe form of a design name ("Lab 2: VPC" → "lab-2-vpc"). */
export function fileSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'design';
}
