/** Learn mode's pure core: the lesson format, the goal checks and the built-in course (no UI). */
export { parseLesson, GoalCheckSchema, GoalSchema, LESSON_FORMAT, CURRENT_LESSON_VERSION } from './schema';
export type { Goal, GoalCheck, InstanceMatch, Lesson, LessonParseResult } from './schema';
export {
  asSimulated,
  evaluateCheck,
  evaluateGoals,
  lessonComplete,
  type GoalResult,
  type LiveInstanceStates,
} from './evaluate';
export type { CheckOutcome } from './designChecks';
// The built-in course is `./lessons` (LESSONS, findLesson), imported apart: the app's first
// screen reads lesson files but not the course, which the Learn tab fetches when opened.
