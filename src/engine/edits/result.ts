import type { Design } from '../../domain';

/** A design edit: the changed design and what to tell the user, or why it can't be done. */
export type EditResult = { ok: true; design: Design; message?: string; id?: string } | { ok: false; reason: string };
