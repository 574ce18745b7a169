import { ensureStyles } from '../appearance';

export type AuthenticationOutcome = 'complete' | 'fail';

/**
 * Stands in for Stripe's 3D Secure modal: an accessible dialog where the tester chooses whether the bank
 * authentication succeeds, like the "Complete / Fail authentication" page of Stripe's test mode.
 */
export function askForAuthentication(
  document: Document,
  amountLabel: string,
): Promise<AuthenticationOutcome> {
  ensureStyles(document);
  return new Promise((resolve) => {
    const previousFocus = document.activeElement as HTMLElement | null;
    const backdrop = document.createElement('div');
    backdrop.className = 'mk-sandbox-dialog-backdrop';
    const dialog = document.createElement('div');
    dialog.className = 'mk-sandbox';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    const headingId = `mk-sandbox-authentication-${Date.now().toString(36)}`;
    dialog.setAttribute('aria-labelledby', headingId);
    const heading = document.createElement('h2');
    heading.id = headingId;
    heading.textContent = 'Sandbox 3D Secure authentication';
    const text = document.createElement('p');
    text.textContent = `Your bank asks you to confirm a payment of ${amountLabel}. This is a test page; choose the outcome.`;
    const complete = document.createElement('button');
    complete.type = 'button';
    complete.textContent = 'Complete authentication';
    const fail = document.createElement('button');
    fail.type = 'button';
    fail.dataset.variant = 'secondary';
    fail.textContent = 'Fail authentication';
    const actions = document.createElement('div');
    actions.className = 'mk-sandbox-row';
    actions.append(complete, fail);
    dialog.append(heading, text, actions);
    backdrop.appendChild(dialog);
    const finish = (outcome: AuthenticationOutcome) => {
      backdrop.remove();
      previousFocus?.focus?.();
      resolve(outcome);
    };
    complete.addEventListener('click', () => finish('complete'));
    fail.addEventListener('click', () => finish('fail'));
    // Escape closes Stripe's modal as a failed authentication.
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish('fail');
    });
    document.body.appendChild(backdrop);
    complete.focus();
  });
}
