/** The extension's side of the review server: wire schemas, fingerprint, approval check, API client. Pure. */
export * from './schemas';
export * from './draft-hash';
export * from './approval';
export * from './client';
export * from './gate-facts';
export * from './link';
