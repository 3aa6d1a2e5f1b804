'use client';

import { Upload } from 'lucide-react';
import * as React from 'react';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/lib/utils';

type FilePickerProps = Omit<React.ComponentProps<'input'>, 'type' | 'onChange' | 'className'> & {
  id: string;
  /** The button's text ("Escolher arquivo"). */
  chooseLabel: string;
  /** Shown until a file is picked ("Nenhum arquivo escolhido"). */
  emptyLabel: string;
  onFile(file: File | null): void;
  className?: string;
};

/**
 * A file input whose button and "no file" text follow the page's language (the native control's
 * follow the browser's). The real input stays in the page, visually hidden, so labels, keyboard
 * focus and `setInputFiles` work as usual; the focus ring shows on the button.
 */
function FilePicker({ id, chooseLabel, emptyLabel, onFile, className, ...props }: FilePickerProps) {
  const [name, setName] = React.useState<string | null>(null);
  return (
    <div data-slot="file-picker" className={cn('flex min-w-0 items-center gap-3', className)}>
      <input
        id={id}
        type="file"
        className="peer sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          setName(file?.name ?? null);
          onFile(file);
        }}
        {...props}
      />
      <label
        htmlFor={id}
        className={cn(
          buttonVariants({ variant: 'outline', size: 'sm' }),
          'cursor-pointer peer-focus-visible:border-ring peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50',
        )}
      >
        <Upload aria-hidden />
        {chooseLabel}
      </label>
      <span className="truncate text-sm text-muted-foreground">{name ?? emptyLabel}</span>
    </div>
  );
}

export { FilePicker };
