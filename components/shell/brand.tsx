import { Bird } from 'lucide-react';
import Link from 'next/link';

export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
      <span className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground" aria-hidden>
        <Bird className="size-5" />
      </span>
      Pombo
    </Link>
  );
}
