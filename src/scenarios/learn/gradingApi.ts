import { gradeSubmission } from './grade';

/**
 * Grading for the worker: each submission's goals run the engines (some the
 * simulation), so a class of them is graded off the main thread, one call
 * each, which lets the page show progress.
 */
export const gradingApi = {
  gradeSubmission: (text: string, options?: { withDesign?: boolean }) => gradeSubmission(String(text), options),
};
