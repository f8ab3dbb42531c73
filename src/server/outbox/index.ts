/** The durable delivery core: see types.ts for what a channel provides, outbox.ts for how jobs run. */
export type { JobOutcome, JobResult, JobStatus, NewJob, OutboxChannel, OutboxJob, RunContext } from './types';
export { startOutbox, type Outbox, type OutboxOptions } from './outbox';
export { backoff, retryAfter, type BackoffPolicy } from './backoff';
export { dispatch } from './dispatch';
