import { Label } from '@/components/ui/label';

/** A labelled form field with its help text and zod field errors (announced to screen readers). */
export function Field({ id, label, help, errors, children }: { id: string; label: string; help?: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {help && !errors?.length && <p className="text-xs text-muted-foreground">{help}</p>}
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="text-sm text-destructive">
          {e}
        </p>
      ))}
    </div>
  );
}
