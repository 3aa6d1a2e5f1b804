import { sandboxConfigSchema } from '../schemas';
import { DAY_MS, type ConversionPlatform } from './types';

/** The demo's destination: answers at once with the outcome its mode names, calls nothing. */
export const sandboxPlatform: ConversionPlatform = {
  windowMs: 7 * DAY_MS,
  maxBatch: 1000,
  async send(destination) {
    const { mode } = sandboxConfigSchema.parse(destination.config);
    if (mode === 'success') return { outcome: 'success', httpStatus: 200 };
    if (mode === 'transient') return { outcome: 'transient', httpStatus: 503, error: 'HTTP 503: instabilidade simulada (modo sandbox)' };
    return { outcome: 'permanent', httpStatus: 400, error: 'HTTP 400: parâmetro inválido simulado (modo sandbox)' };
  },
};
