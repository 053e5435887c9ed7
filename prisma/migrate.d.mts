// Types for prisma/migrate.mjs (the project's migration command), for TypeScript callers.
export declare const repoRoot: string;
export declare const DEFAULT_DATABASE_URL: string;
export declare function layoutFor(url: string): { provider: 'sqlite' | 'postgresql'; schemaPath: string; migrationsDir: string };
export declare function sqliteFilePath(url: string): string;
export declare function runMigrate(
  cmd: 'deploy' | 'status' | 'dev' | 'diff' | 'reset' | 'resolve',
  args?: string[],
  options?: { url?: string; log?: (line: string) => void },
): Promise<{ exitCode: number; stdout: string }>;
export declare function describeMigrateError(e: unknown): string;
