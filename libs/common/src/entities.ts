import { JobRun } from './job-run.entity.js';
import { RequestLog } from './request-log.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const COMMON_ENTITIES = [RequestLog, JobRun];
