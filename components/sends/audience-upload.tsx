'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { AudienceFileInput, uploadAudience } from './audience-file';

/** Uploads (or replaces) a draft's audience from its detail page. */
export function AudienceUpload({ configId, body, hasAudience }: { configId: string; body: string; hasAudience: boolean }) {
  const t = useTranslations('sends');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-3">
      <AudienceFileInput id="audience-upload" body={body} onFile={setFile} />
      <Button
        variant="outline"
        className="self-start"
        disabled={!file || pending}
        onClick={() =>
          startTransition(async () => {
            const result = await uploadAudience(configId, file!);
            if (result.ok) toast.success(t('form.imported', { ...result.data }));
            else toast.error(result.message);
            router.refresh();
          })
        }
      >
        {pending ? t('form.uploading') : hasAudience ? t('detail.replaceAudience') : t('detail.uploadAudience')}
      </Button>
    </div>
  );
}
