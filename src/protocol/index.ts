/**
 * The protocol as the npm package exports it (`lifeline/protocol`, docs/protocol.md): its types,
 * and the pure checks the reference server applies to each request body, for a site's own
 * backend or tests.
 */
export * from './types';
export * from './transcript';
export * from './webhooks';
export * from './validate';
export * from './attachments';
