import type { TestProject } from 'vitest/node';
import { freshTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { url, embedded } = await freshTestDatabase('pombo_vitest');
  project.provide('databaseUrl', url);
  return async () => {
    await embedded?.stop();
  };
}
