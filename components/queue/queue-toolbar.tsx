'use client';

import { Eraser, History, Scale } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { toast } from 'sonner';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';
import { startQueueOperationAction } from '@/lib/queue/actions';
import type { OperationKind } from '@/lib/queue/states';

export interface OperationSnapshot {
  id: string;
  kind: OperationKind;
  state: 'pending' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  result: Record<string, number> | null;
  error: string | null;
}

const ICONS = { clear: Eraser, rebalance: Scale, recover: History } as const;
const RESULT_KEY = { clear: 'removed', rebalance: 'moved', recover: 'recovered' } as const;
const RESULT_MESSAGE = { clear: 'cleared', rebalance: 'rebalanced', recover: 'recovered' } as const;

/**
 * "Limpar fila", "Rebalancear fila", "Recuperar mensagens", each behind a confirmation
 * ("Sim, tenho certeza"). Small operations answer at once; large ones run as a job whose progress
 * comes from the server on every refresh, and their result is toasted when they finish.
 */
export function QueueToolbar({ instanceId, canAct, open, last }: { instanceId: string; canAct: boolean; open: OperationSnapshot | null; last: OperationSnapshot | null }) {
  const t = useTranslations('queue');
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  const toastResult = (kind: OperationKind, result: Record<string, number> | null) =>
    toast.success(t(RESULT_MESSAGE[kind], { count: result?.[RESULT_KEY[kind]] ?? 0 }));

  useEffect(() => {
    if (!waitingFor || last?.id !== waitingFor) return;
    if (last.state === 'failed') toast.error(t('failed', { error: last.error ?? '' }));
    else toastResult(last.kind, last.result);
    setWaitingFor(null);
  }, [last, waitingFor]); // eslint-disable-line react-hooks/exhaustive-deps -- toast once per finished operation

  const busy = Boolean(open);
  return (
    <div className="flex flex-col gap-3">
      <div role="toolbar" aria-label={t('toolbar')} className="flex flex-wrap gap-2">
        {(['clear', 'rebalance', 'recover'] as const).map((kind) => (
          <OperationButton
            key={kind}
            kind={kind}
            instanceId={instanceId}
            disabled={!canAct || busy}
            describedBy={canAct ? undefined : 'queue-forbidden'}
            onStarted={(id) => setWaitingFor(id)}
            onFinished={toastResult}
          />
        ))}
      </div>
      {!canAct && (
        <p className="text-sm text-muted-foreground" id="queue-forbidden">
          {t('forbiddenReason')}
        </p>
      )}
      {open && (
        <div className="flex flex-col gap-2 rounded-lg border p-3" role="status" data-testid="operation-progress">
          <div className="flex items-center justify-between gap-2 text-sm">
            <span className="font-medium">{t(`progress.${open.kind}`)}</span>
            <span className="text-muted-foreground tabular-nums">{t('progressValue', { done: open.done, total: open.total })}</span>
          </div>
          <Progress value={open.done} max={Math.max(open.total, 1)} aria-label={t(`progress.${open.kind}`)} />
        </div>
      )}
    </div>
  );
}

function OperationButton(props: {
  kind: OperationKind;
  instanceId: string;
  disabled: boolean;
  describedBy?: string;
  onStarted: (operationId: string) => void;
  onFinished: (kind: OperationKind, result: Record<string, number>) => void;
}) {
  const t = useTranslations('queue');
  const common = useTranslations('common');
  const [dialogOpen, setDialogOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const Icon = ICONS[props.kind];
  const confirm = () =>
    startTransition(async () => {
      const result = await startQueueOperationAction({ instanceId: props.instanceId, kind: props.kind });
      setDialogOpen(false);
      if (!result.ok) toast.error(result.message);
      else if (result.data.finished) props.onFinished(props.kind, result.data.result);
      else {
        props.onStarted(result.data.id);
        toast.info(t('started'));
      }
    });
  return (
    <AlertDialog open={dialogOpen} onOpenChange={setDialogOpen}>
      <AlertDialogTrigger asChild>
        <Button variant={props.kind === 'clear' ? 'destructive' : 'outline'} size="sm" disabled={props.disabled || pending} aria-describedby={props.describedBy}>
          <Icon aria-hidden /> {t(props.kind)}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t(`${props.kind}Title`)}</AlertDialogTitle>
          <AlertDialogDescription>{t(`${props.kind}Description`)}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{common('cancel')}</AlertDialogCancel>
          <AlertDialogAction
            variant={props.kind === 'clear' ? 'destructive' : 'default'}
            disabled={pending}
            onClick={(e) => {
              e.preventDefault(); // keep the dialog open until the server answers
              confirm();
            }}
          >
            {t('confirm')}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
