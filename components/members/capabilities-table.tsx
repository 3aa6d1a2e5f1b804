import { Check, Minus } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { CAPABILITIES, ROLES, can } from '@/lib/auth/permissions';

/** The SPEC §1 table, rendered from the same data the server enforces. */
export async function CapabilitiesTable() {
  const [t, shell, caps] = await Promise.all([getTranslations('members'), getTranslations('shell'), getTranslations('capabilities')]);
  return (
    <section className="flex flex-col gap-3" aria-labelledby="capabilities-title">
      <h2 id="capabilities-title" className="text-lg font-semibold">
        {t('capabilities')}
      </h2>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="min-w-56" />
            {ROLES.map((r) => (
              <TableHead key={r} className="text-center">
                {shell(`role.${r}`)}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {CAPABILITIES.map((c) => (
            <TableRow key={c}>
              <TableCell className="whitespace-normal">{caps(c)}</TableCell>
              {ROLES.map((r) => (
                <TableCell key={r} className="text-center">
                  {can(r, c) ? <Check className="mx-auto size-4 text-primary" aria-label="✓" /> : <Minus className="mx-auto size-4 text-muted-foreground" aria-label="—" />}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
