import type { ReactNode } from 'react';
import { Icon, criticalIcon } from './icon';

/** A failure the user must read (`role="alert"`), with the danger icon. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="mk-Alert">
      <Icon icon={criticalIcon} />
      <span>{children}</span>
    </p>
  );
}
