import { downloadText, useDesignStore } from '../store';
import { fileSlug } from './fileNames';

/** Save as file: the open design as a `.nimbus.json` download (works whether or not browser storage does). */
export function saveDesignFile(): void {
  const design = useDesignStore.getState().history.present;
  downloadText(`${fileSlug(design.name)}.nimbus.json`, JSON.stringify(design, null, 2) + '\n');
}
