/**
 * Share menu actions: links, embed code, images and code exports. ui/actions.ts
 * fetches this module on first use, so the link codec and its deflate library
 * are not part of the page's first JavaScript.
 */
import type { IacFile } from '../share/iac';
import { IAC_FORMAT_NAMES } from '../share/iac/formatNames';
import { embedSnippet, readLinkIntent, shareUrl } from '../share/links';
import { MAX_SNAPSHOT_CHARS } from '../share/urlCodec';
import { downloadDataUrl, downloadText, exportIacFilesOf, useDesignStore, useViewStore, type LinkMode } from '../store';
import { fileSlug } from './fileNames';
import { saveDesignFile } from './saveDesignFile';

/** Where the link points: this page, without whatever fragment it was opened with. */
const appBase = () => location.origin + location.pathname;

export async function copyLink(mode: Exclude<LinkMode, 'learn'>): Promise<void> {
  const design = useDesignStore.getState().history.present;
  const url = shareUrl(design, mode, appBase());
  const { notify } = useViewStore.getState();
  const chars = url.length.toLocaleString('en-US');
  const intent = readLinkIntent(new URL(url).hash);
  if (intent.kind !== 'none' && intent.snapshot.length > MAX_SNAPSHOT_CHARS) {
    // Every receiver's Nimbus refuses such a link, so it is not copied at all.
    notify({
      tone: 'error',
      title: 'This link is longer than Nimbus opens; save a file instead.',
      details: [
        `The design needs a ${chars}-character link; Nimbus opens links of up to ${MAX_SNAPSHOT_CHARS.toLocaleString('en-US')}. Nothing was copied.`,
      ],
      action: { label: 'Save as file', run: saveDesignFile },
    });
    return;
  }
  try {
    await navigator.clipboard.writeText(url);
    notify({
      tone: 'info',
      title:
        mode === 'open'
          ? `Link copied (${chars} characters). Whoever opens it gets their own copy of “${design.name}”.`
          : `View-only link copied (${chars} characters): it shows “${design.name}” without editing.`,
      details: ['The design travels inside the link; nothing is uploaded.'],
    });
  } catch {
    // Clipboard refused (permissions, insecure page): show the link so it can be copied by hand.
    notify({ tone: 'info', title: 'Copy this link:', details: [url] });
  }
}

/** The iframe snippet for a course page (README, "Embedding"): the design travels in it like a view-only link. */
export async function copyEmbedCode(): Promise<void> {
  const design = useDesignStore.getState().history.present;
  const snippet = embedSnippet(design, appBase());
  const { notify } = useViewStore.getState();
  const snapshot = /#view=([^"]*)/.exec(snippet)?.[1] ?? '';
  if (snapshot.length > MAX_SNAPSHOT_CHARS) {
    notify({
      tone: 'error',
      title: 'This design is too large to embed by link; save a file instead.',
      details: [
        `Nimbus opens links of up to ${MAX_SNAPSHOT_CHARS.toLocaleString('en-US')} characters. Nothing was copied.`,
      ],
      action: { label: 'Save as file', run: saveDesignFile },
    });
    return;
  }
  try {
    await navigator.clipboard.writeText(snippet);
    notify({
      tone: 'info',
      title: `Embed code copied: paste it into a course page to show “${design.name}” read-only.`,
      details: ['The page must be allowed to frame embed.html (README, “Embedding”).'],
    });
  } catch {
    notify({ tone: 'info', title: 'Copy this embed code:', details: [snippet] });
  }
}

export async function exportImage(format: 'png' | 'svg'): Promise<void> {
  const design = useDesignStore.getState().history.present;
  const dark = useViewStore.getState().theme === 'dark';
  try {
    // The image library is fetched on the first export: the first screen does not need it.
    const { exportDesignImage } = await import('../canvas/exportImage');
    const url = await exportDesignImage(design, format, dark ? '#0f172a' : '#ffffff');
    downloadDataUrl(`${fileSlug(design.name)}.${format}`, url);
  } catch (error) {
    useViewStore.getState().notify({
      tone: 'error',
      title: `The ${format.toUpperCase()} could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/**
 * Share → Export as CloudFormation / Terraform: the design as code. One file
 * downloads as it is; a format that writes several (code and sidecar) comes
 * as one zip.
 */
export async function exportIac(formatId: string): Promise<void> {
  const design = useDesignStore.getState().history.present;
  const { notify } = useViewStore.getState();
  const format = IAC_FORMAT_NAMES.find((f) => f.id === formatId);
  if (!format) return;
  let files: IacFile[];
  try {
    const written = await exportIacFilesOf(design, format.id);
    if (!written.ok) throw new Error(written.message);
    files = written.files;
  } catch (error) {
    notify({
      tone: 'error',
      title: `The ${format.label} export failed: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  if (files.length === 1) {
    const [file] = files;
    downloadText(file!.name, file!.text, file!.mime);
  } else {
    const { strToU8, zipSync } = await import('fflate');
    const zipped = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])));
    const url = URL.createObjectURL(new Blob([zipped], { type: 'application/zip' }));
    downloadDataUrl(`${fileSlug(design.name)}.${format.id}.zip`, url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  const warnings = files.flatMap((f) => f.warnings ?? []);
  notify({
    tone: warnings.length > 0 ? 'warning' : 'info',
    title: `Exported “${design.name}” as ${format.label}: ${files.map((f) => f.name).join(', ')}.`,
    details: [
      ...warnings,
      'What the code can’t say (the drawing, flows, simulation settings) travels with it, so Open brings the design back.',
    ],
  });
}
