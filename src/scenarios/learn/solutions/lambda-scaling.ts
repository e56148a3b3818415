import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftOf } from './edit';

/** 100 req/s × 0.5 s needs 50; reserve 60, and shrink the nightly job's reservation so 100+ stay unreserved. */
export const solveLambdaScaling = (start: Design): Design =>
  produce(start, (d) => {
    draftOf(d, 'orders-api', 'lambdaFunction').reservedConcurrency = 60;
    draftOf(d, 'nightly-report', 'lambdaFunction').reservedConcurrency = 100;
  });
