"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

function Toaster({ toastOptions, ...props }: ToasterProps) {
  return (
    <Sonner
      className="toaster group"
      position="top-right"
      richColors
      containerAriaLabel="Notificações"
      toastOptions={{ closeButtonAriaLabel: "Fechar notificação", ...toastOptions }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          // sonner's rich-colour texts sit just under WCAG AA on their pale backgrounds; darker shades pass.
          "--success-text": "hsl(140, 100%, 20%)",
          "--info-text": "hsl(210, 92%, 35%)",
          "--warning-text": "hsl(31, 92%, 28%)",
          "--error-text": "hsl(360, 100%, 38%)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
