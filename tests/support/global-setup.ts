import type { TestProject } from 'vitest/node';
import { freshTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await freshTestDatabase();
  project.provide('databaseUrl', database.url);
  return database.dispose;
}
