import { p } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids: index-friendly in PostgreSQL, and sortable for cursors. */
export function newId(): string {
  return uuidv7();
}

/** Columns every aggregate root carries; spread into `defineEntity({ properties })`. */
export function baseProperties() {
  return {
    id: p.uuid().primary().onCreate(() => newId()),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    version: p.integer().version(),
  };
}
