import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.join(process.cwd(), 'messages');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function load(locale: string): Record<string, unknown> {
  const base = JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8'));
  for (const f of readdirSync(path.join(dir, locale)).filter((n) => n.endsWith('.json'))) {
    base[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(dir, locale, f), 'utf8'));
  }
  return base;
}

describe('messages', () => {
  it('pt-BR and English have exactly the same keys', () => {
    expect(keysOf(load('en')).sort()).toEqual(keysOf(load('pt-BR')).sort());
  });

  it('feature files do not shadow a shared namespace', () => {
    const shared = Object.keys(JSON.parse(readFileSync(path.join(dir, 'pt-BR.json'), 'utf8')));
    const features = readdirSync(path.join(dir, 'pt-BR')).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, ''));
    expect(features.filter((f) => shared.includes(f))).toEqual([]);
  });
});
