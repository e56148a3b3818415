import { create } from 'zustand';
import { readPreference, writePreference } from './PanelLayoutStorage';

/** Lessons that continue what a template shows, by template id. Titles are the lessons' own (a unit test compares). */
export const LESSON_FOR_TEMPLATE: Readonly<Record<string, { id: string; title: string }>> = {
  'single-web-server': { id: 'routes-and-igw', title: 'Make a subnet public' },
  'two-tier': { id: 'nat-gateways', title: 'Let a private subnet out, not in' },
  hybrid: { id: 'hybrid-connectivity', title: 'Reach the VPC from the data centre' },
  'serverless-api': { id: 'lambda-scaling', title: 'How far Lambda scales' },
  containers: { id: 'containers', title: 'Run containers without managing servers' },
  eks: { id: 'containers', title: 'Run containers without managing servers' },
  'ha-web-app': { id: 'survive-zone-loss', title: 'Survive the loss of an Availability Zone' },
  'ha-web-app-single-az': { id: 'survive-zone-loss', title: 'Survive the loss of an Availability Zone' },
};

const dismissedKey = (templateId: string) => `nimbus.tryThis.dismissed.${templateId}`;

interface TryThisState {
  /** The template just opened, and the library entry it opened as; the card shows while that entry is on screen. */
  shown: { templateId: string; entryId: string | null } | null;
}

export const useTryThisStore = create<TryThisState>()(() => ({ shown: null }));

/** A template was opened as the library entry `entryId`: offer next steps, unless the user dismissed them for it. */
export function templateOpened(templateId: string, entryId: string | null): void {
  const dismissed = readPreference(dismissedKey(templateId)) === 'yes';
  useTryThisStore.setState({ shown: dismissed ? null : { templateId, entryId } });
}

/** Hides the card for now; `forGood` keeps it hidden for this template on later visits too. */
export function hideTryThis({ forGood }: { forGood: boolean }): void {
  const shown = useTryThisStore.getState().shown;
  if (shown && forGood) writePreference(dismissedKey(shown.templateId), 'yes');
  useTryThisStore.setState({ shown: null });
}
