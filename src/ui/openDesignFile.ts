import { MAX_DESIGN_BYTES } from '../share/urlCodec';
import { describeWorkerError, noticeSetAside, openDesign, parseDesignText, useViewStore } from '../store';

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Reads a design file chosen by the user; a bad file leaves the open design untouched and says why. */
export async function openDesignFile(file: File): Promise<boolean> {
  const { notify } = useViewStore.getState();
  // Far beyond any design (and the browser's storage): refused before reading, so the page never holds it.
  if (file.size > MAX_DESIGN_BYTES) {
    notify({
      tone: 'error',
      title: `${file.name} is too large to open (${megabytes(file.size)}). Your current design is unchanged.`,
      details: [`Nimbus opens design files of up to ${megabytes(MAX_DESIGN_BYTES)}, the same limit as its links.`],
    });
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    notify({
      tone: 'error',
      title: `Couldn't read ${file.name}.`,
      details: ['The browser could not open the file. Your current design is unchanged.'],
    });
    return false;
  }
  let parsed: Awaited<ReturnType<typeof parseDesignText>>;
  try {
    parsed = await parseDesignText(text);
  } catch (error) {
    parsed = { ok: false, errors: [describeWorkerError(error)] };
  }
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 8);
    if (parsed.errors.length > shown.length) shown.push(`…and ${parsed.errors.length - shown.length} more`);
    notify({
      tone: 'error',
      title: `${file.name} is not a Nimbus design it can open. Your current design is unchanged.`,
      details: shown,
    });
    return false;
  }
  if (!openDesign(parsed.design)) return false;
  notify({
    tone: 'info',
    topic: 'opened',
    title: `Opened "${parsed.design.name}" from ${file.name}. It is a new design in your library; what you had is kept there.`,
  });
  noticeSetAside(parsed.setAside);
  return true;
}
