import { z } from 'zod';
import { SEND_STATES } from './states';
import { assertValidCron } from './schedule';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "Nova configuração" (the audience is uploaded separately, streamed). */
export const configSchema = z
  .object({
    name: z.string().trim().min(1, 'Informe um nome.').max(120),
    storeId: z.uuid('Escolha a loja.'),
    body: z.string().trim().max(4096).default(''),
    templateId: z.uuid().optional().or(z.literal('').transform(() => undefined)),
    instanceIds: z.array(z.uuid()).default([]),
    scheduleKind: z.enum(['now', 'at', 'daily', 'weekly', 'cron']),
    /** A wall-clock date-time in the account's time zone ("2026-11-24T09:00"). */
    scheduleAt: z.string().optional(),
    scheduleTime: z.string().optional(),
    scheduleWeekdays: z.array(z.coerce.number().int().min(0).max(6)).default([]),
    scheduleCron: z.string().optional(),
    validityHours: z.coerce.number().int().min(1, 'Mínimo de 1 hora.').max(720, 'Máximo de 720 horas.').default(24),
  })
  .superRefine((v, ctx) => {
    if (!v.body && !v.templateId) ctx.addIssue({ code: 'custom', path: ['body'], message: 'Escreva o texto da mensagem.' });
    if (v.scheduleKind === 'at' && !(v.scheduleAt && !Number.isNaN(Date.parse(v.scheduleAt)))) {
      ctx.addIssue({ code: 'custom', path: ['scheduleAt'], message: 'Informe data e hora.' });
    }
    if ((v.scheduleKind === 'daily' || v.scheduleKind === 'weekly') && !HHMM.test(v.scheduleTime ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['scheduleTime'], message: 'Informe o horário (HH:mm).' });
    }
    if (v.scheduleKind === 'weekly' && v.scheduleWeekdays.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['scheduleWeekdays'], message: 'Escolha ao menos um dia da semana.' });
    }
    if (v.scheduleKind === 'cron') {
      try {
        assertValidCron(v.scheduleCron ?? '');
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['scheduleCron'], message: `Expressão cron inválida. ${e instanceof Error ? e.message : ''}`.trim() });
      }
    }
  });
export type ConfigInput = z.input<typeof configSchema>;

export const configIdSchema = z.object({ configId: z.uuid() });

export const listFilterSchema = z.object({
  state: z.enum(SEND_STATES).optional().catch(undefined),
  cursor: z.string().optional(),
});
