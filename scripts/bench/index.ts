/**
 * `npm run bench -- <scenario> [more…]`: runs each scenario in scripts/bench/<scenario>.ts and
 * prints one JSON object per scenario with its figures. With no name, lists the scenarios.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(process.cwd(), 'scripts', 'bench');
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'support.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

const wanted = process.argv.slice(2);
if (wanted.length === 0) {
  console.log(`Scenarios: ${available.join(', ')}\nUsage: npm run bench -- <scenario> [<scenario> …]`);
  process.exit(0);
}
for (const name of wanted) {
  if (!available.includes(name)) {
    console.error(`Unknown scenario "${name}". Scenarios: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of wanted) {
  const mod = (await import(path.join(dir, `${name}.ts`))) as { run: () => Promise<Record<string, unknown>> };
  const figures = await mod.run();
  console.log(JSON.stringify({ scenario: name, ...figures }));
}
process.exit(0);
