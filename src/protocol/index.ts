export * from './messages.js';
export * from './codec.js';
