import * as React from "react";

import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** Decorative icon, e.g. a lucide-react element. */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
};

/** Placeholder for lists and pages that have nothing to show yet; `children` holds optional actions. */
function EmptyState({ className, icon, title, description, children, ...props }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-4 rounded-lg border border-dashed px-4 py-10 text-center sm:px-8",
        className,
      )}
      {...props}
    >
      {icon && (
        <div
          data-slot="empty-state-icon"
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg:not([class*='size-'])]:size-6"
        >
          {icon}
        </div>
      )}
      <div className="flex max-w-sm flex-col gap-1.5">
        <h2 data-slot="empty-state-title" className="text-base font-semibold">
          {title}
        </h2>
        {description && (
          <p data-slot="empty-state-description" className="text-sm text-muted-foreground">
            {description}
          </p>
        )}
      </div>
      {children && (
        <div
          data-slot="empty-state-actions"
          className="flex flex-col items-center gap-2 sm:flex-row"
        >
          {children}
        </div>
      )}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
