import { importAws } from '../share/awsImport';
import { openDesign, useViewStore } from '../store';

/** Imports `aws ec2 describe-*` JSON files chosen by the user; a bad file changes nothing and says where it is wrong. */
export async function importAwsFiles(list: FileList | File[]): Promise<void> {
  const { notify } = useViewStore.getState();
  const chosen = [...list].filter((f) => f.name.endsWith('.json'));
  if (chosen.length === 0) {
    notify({
      tone: 'error',
      title: 'Choose the .json files printed by aws ec2 describe-* (describe-vpcs, describe-subnets, …).',
    });
    return;
  }
  // A folder chosen as a whole keeps each file's path (Batfish's accounts/<id>/<region>/ layout names the Region).
  const files = await Promise.all(
    chosen.map(async (file) => ({ name: file.webkitRelativePath || file.name, text: await file.text() })),
  );
  const result = importAws(files);
  if (!result.ok) {
    notify({
      tone: 'error',
      title: 'These AWS files could not be imported. Your current design is unchanged.',
      details: result.errors.slice(0, 8),
    });
    return;
  }
  if (!openDesign(result.design)) return;
  useViewStore.getState().setSelection([]);
  notify({
    tone: 'info',
    title: `Imported ${Object.keys(result.design.resources).length} resources from ${files.length} AWS file${files.length === 1 ? '' : 's'}. What you had is kept in the Library.`,
    // What Nimbus skipped is never dropped from the note unseen: past eight, the count of the rest is said.
    ...(result.notes.length > 0 ? { details: importNoteDetails(result.notes) } : {}),
  });
}

/** The import note's lines as the notice shows them: the first eight, then how many more and where to see them all. */
export function importNoteDetails(notes: readonly string[], shown = 8): string[] {
  if (notes.length <= shown) return [...notes];
  const rest = notes.length - shown;
  return [
    ...notes.slice(0, shown),
    `… and ${rest} more note${rest === 1 ? '' : 's'} (nimbus import-aws <folder> prints them all)`,
  ];
}
