import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startupGzipBytes, startupScripts } from '../bench/openFast';

/**
 * Prints the JavaScript the built page loads before it can draw (gzip -9, the
 * bench's "JavaScript before the canvas") and what fills it: each chunk, and,
 * when the build has source maps (`npx vite build --sourcemap`), the largest
 * source packages and folders inside them.
 *
 * Usage: `npx vite build --sourcemap && npx tsx scripts/first-js.ts [dist] [how many]`.
 * A source's share is its share of the chunk's minified bytes, applied to the
 * chunk's gzip size, so the figures are estimates that add up to the total.
 */
// Piped into `head`, the reader may close early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const dist = process.argv[2] ?? 'dist';
const top = Number(process.argv[3] ?? 25);
if (!existsSync(join(dist, 'index.html'))) {
  process.stderr.write(`No ${join(dist, 'index.html')}: build first (npx vite build --sourcemap).\n`);
  process.exit(2);
}
if (!Number.isInteger(top) || top < 1) {
  process.stderr.write(`"How many" must be a whole number of at least 1, not ${process.argv[3]}.\n`);
  process.exit(2);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const total = startupGzipBytes(dist);
process.stdout.write(
  `JavaScript before the canvas: ${kb(total.gzipBytes)} gzip -9 (${kb(total.bytes)} minified, ${total.files} files)\n\n`,
);

interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Minified bytes per source file, from a source map's segments (each runs to the next one on its line). */
function bytesPerSource(code: string, map: SourceMap): Map<string, number> {
  const lines = code.split('\n');
  const result = new Map<string, number>();
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    const segments: { column: number; source: number | undefined }[] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      segments.push({ column, source: fields.length > 1 ? source : undefined });
      // The remaining fields (original line, column, name) are not needed here.
    }
    const length = lines[lineIndex]?.length ?? 0;
    segments.forEach((segment, i) => {
      if (segment.source === undefined) return;
      const end = segments[i + 1]?.column ?? length;
      const name = map.sources[segment.source]!;
      result.set(name, (result.get(name) ?? 0) + Math.max(0, end - segment.column));
    });
  });
  return result;
}

/** A source's group: its npm package, or its folder under src/. */
function groupOf(source: string): string {
  const nodeModules = source.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const parts = source.slice(nodeModules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = source.indexOf('src/');
  if (src >= 0) {
    const parts = source.slice(src).split('/');
    return parts.length > 3 ? parts.slice(0, 3).join('/') : parts.join('/');
  }
  return source;
}

const groups = new Map<string, number>();
const chunks: { file: string; gzipBytes: number }[] = [];
let mapped = false;
for (const file of startupScripts(dist)) {
  const code = readFileSync(join(dist, file), 'utf8');
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  chunks.push({ file, gzipBytes });
  const mapFile = join(dist, `${file}.map`);
  if (!existsSync(mapFile)) continue;
  mapped = true;
  const perSource = bytesPerSource(code, JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap);
  const counted = [...perSource.values()].reduce((a, b) => a + b, 0);
  for (const [source, bytes] of perSource) {
    const group = groupOf(source);
    groups.set(group, (groups.get(group) ?? 0) + (counted > 0 ? (gzipBytes * bytes) / counted : 0));
  }
}

process.stdout.write('Chunks:\n');
for (const { file, gzipBytes } of chunks.sort((a, b) => b.gzipBytes - a.gzipBytes)) {
  process.stdout.write(`  ${kb(gzipBytes).padStart(9)}  ${file}\n`);
}
if (!mapped) {
  process.stdout.write('\nNo source maps: build with `npx vite build --sourcemap` to see what fills each chunk.\n');
} else {
  process.stdout.write(`\nLargest contributors (estimated gzip share):\n`);
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`  ${kb(bytes).padStart(9)}  ${group}\n`);
  }
}
