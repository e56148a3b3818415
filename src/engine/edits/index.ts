/**
 * Design edits as pure functions: a design in, a changed design (or a reason)
 * out. The store, the CLI, importers and lessons share them; the store only
 * records each as one undo step.
 */
export * from './result';
export * from './layout';
export * from './addResource';
export * from './deleteResources';
export * from './duplicateResources';
export * from './rehome';
export * from './vpcEdits';
export * from './resourceEdits';
export * from './repairReferences';
export * from './simulationSettings';
export * from './scheduledChanges';
