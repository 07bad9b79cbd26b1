export * from './bed-assignment.entity.js';
export * from './bed.entity.js';
export * from './occupancy.enums.js';
export * from './occupancy.module.js';
export * from './occupancy.service.js';
export * from './room.entity.js';
export * from './turnaway.entity.js';
