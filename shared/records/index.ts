export * from './base.js';
export * from './centres.js';
export * from './programmes.js';
export * from './startups.js';
export * from './mentors.js';
export * from './sessions.js';
export * from './trainees.js';
