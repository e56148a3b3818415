import { MAX_DESIGN_BYTES } from '../share/urlCodec';
import { recogniseIacFormat, type IacCompanion, type IacImportNote } from '../share/iac';
import {
  describeWorkerError,
  importIacText,
  noticeSetAside,
  openDesign,
  parseDesignText,
  useViewStore,
} from '../store';

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

/**
 * Open: a Nimbus design file, or a CloudFormation template or Terraform file
 * (the other files chosen with it are read beside it: a Terraform sidecar,
 * more `.tf` files). What the formats recognise goes to its import in the
 * worker; the rest is read as a design. Whatever it is, it opens as a new
 * library entry, never over the open design.
 */
export async function openFiles(files: readonly File[]): Promise<boolean> {
  const { notify } = useViewStore.getState();
  const texts: { file: File; text: string }[] = [];
  for (const file of files) {
    if (file.size > MAX_DESIGN_BYTES || files.length === 1) {
      if (files.length === 1) return openOne(file);
      notify({
        tone: 'error',
        title: `${file.name} is too large to open (${megabytes(file.size)}). Your current design is unchanged.`,
      });
      return false;
    }
    try {
      texts.push({ file, text: await file.text() });
    } catch {
      notify({ tone: 'error', title: `Couldn't read ${file.name}. Your current design is unchanged.` });
      return false;
    }
  }
  const primary = texts.find(({ file, text }) => recogniseIacFormat(text, file.name));
  if (!primary) return openDesignFile(files[0]!);
  const companions = texts.filter((t) => t !== primary).map(({ file, text }) => ({ name: file.name, text }));
  return importIac(primary.file, primary.text, companions);
}

const CODE_FILE = /\.(ya?ml|template|tf)$/i;

async function openOne(file: File): Promise<boolean> {
  if (file.size > MAX_DESIGN_BYTES) return openDesignFile(file);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return openDesignFile(file);
  }
  if (recogniseIacFormat(text, file.name)) return importIac(file, text, []);
  if (CODE_FILE.test(file.name)) {
    useViewStore.getState().notify({
      tone: 'error',
      title: `${file.name} is not a CloudFormation template or Terraform file Nimbus reads. Your current design is unchanged.`,
      details: [
        'Nimbus opens its own design files (.json), CloudFormation templates (YAML or JSON) and Terraform files.',
      ],
    });
    return false;
  }
  return openDesignFile(file);
}

/** "14 resources; not modelled: AWS::SQS::Queue × 2", then what is unknown until deploy and other warnings. */
const NOTE_LINES = 12;

function noteText(note: IacImportNote, resources: number): { summary: string; details: string[] } {
  const unsupported = note.unsupported.map((u) => `${u.type} × ${u.count}`).join(', ');
  const lines = [...note.unknownValues.map((v) => `Unknown until deployed: ${v}`), ...note.warnings];
  // A notice stays readable at a dozen lines; the rest are counted, never dropped without a word.
  const shown =
    lines.length > NOTE_LINES
      ? [
          ...lines.slice(0, NOTE_LINES - 1),
          `…and ${lines.length - (NOTE_LINES - 1)} more (nimbus import prints them all)`,
        ]
      : lines;
  return { summary: `${resources} resources${unsupported ? `; not modelled: ${unsupported}` : ''}`, details: shown };
}

async function importIac(file: File, text: string, companions: IacCompanion[]): Promise<boolean> {
  const { notify } = useViewStore.getState();
  let result: Awaited<ReturnType<typeof importIacText>>;
  try {
    result = await importIacText(text, file.name, companions);
  } catch (error) {
    result = { ok: false, message: describeWorkerError(error) };
  }
  if (!result.ok) {
    notify({
      tone: 'error',
      title: `${file.name} could not be imported. Your current design is unchanged.`,
      details: [result.message],
    });
    return false;
  }
  if (!openDesign(result.design)) return false;
  const { summary, details } = noteText(result.note, Object.keys(result.design.resources).length);
  notify({
    tone: result.note.unsupported.length > 0 || details.length > 0 ? 'warning' : 'info',
    topic: 'opened',
    title: `Imported from ${result.formatLabel ?? 'code'}: ${summary}. It is a new design in your library; what you had is kept there.`,
    details,
  });
  return true;
}
